package io.crmkit.rules.lead;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.MatchKeys;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityContact;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.duplicate.DuplicateCheck;
import io.crmkit.rules.duplicate.DuplicateMatch;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@link LeadConversion} in progress, after authorisation and the state checks: builds every
 * record first, checks them together (required fields, duplicates), then writes them and the change
 * log.
 */
final class Conversion {
    private static final int PAGE = 500;
    private static final String TO_EXISTING = "convert the lead into the existing account instead "
            + "(ConvertLead.toExistingAccount)";

    private final CommandContext cmd;
    private final Lead lead;
    private final ConvertLead command;
    private final Account existing;
    private final UserId owner;
    private final Instant now;

    Conversion(CommandContext cmd, Lead lead, ConvertLead command, Account existing) {
        this.cmd = cmd;
        this.lead = lead;
        this.command = command;
        this.existing = existing;
        this.owner = lead.owner() != null ? lead.owner() : cmd.actor().userId();
        this.now = cmd.now();
    }

    ConversionResult run() {
        List<FollowUpRecord> followUps = followUpsOf(LeadAccess.ref(lead));
        Instant lastFollowUp = latest(lead.lastFollowUpAt(), followUps);
        Account account = existing == null ? newAccount(lastFollowUp) : filled(existing, lastFollowUp);
        Contact reused = existing == null ? null : sameContact(existing);
        Contact contact = reused == null ? newContact(account) : filled(reused);
        Opportunity opportunity = command.opportunity() == null ? null : newOpportunity(account, contact);

        Violations violations = new Violations();
        if (existing == null) {
            violations.add("account.", CrmValidation.violations(account))
                    .add("account.", cmd.settings().requiredFields().missing(RecordType.ACCOUNT, account));
        }
        if (reused == null) {
            violations.add("contact.", CrmValidation.violations(contact))
                    .add("contact.", cmd.settings().requiredFields().missing(RecordType.CONTACT, contact));
        }
        violations.throwIfAny();

        List<DuplicateMatch> warnings = new ArrayList<>();
        if (existing == null) {
            warnings.addAll(DuplicateCheck.apply(cmd, RecordType.ACCOUNT, TO_EXISTING,
                    () -> DuplicateCheck.ofAccount(cmd, account)));
        }
        if (reused == null) {
            warnings.addAll(DuplicateCheck.apply(cmd, RecordType.CONTACT, null,
                    () -> DuplicateCheck.ofContact(cmd, contact)));
        }

        String reason = "converted from " + LeadAccess.ref(lead);
        Account storedAccount = existing == null
                ? logged(cmd.tx().accounts().insert(account), null, "account.create", reason)
                : account.equals(existing) ? existing
                : logged(cmd.tx().accounts().update(account), existing, "account.update", reason);
        Contact storedContact = reused == null
                ? logged(cmd.tx().contacts().insert(contact), null, "contact.create", reason)
                : contact.equals(reused) ? reused
                : logged(cmd.tx().contacts().update(contact), reused, "contact.update", reason);
        Opportunity storedOpportunity = opportunity == null ? null
                : logged(cmd.tx().opportunities().insert(opportunity), null, "opportunity.create", reason);
        RecordRef accountRef = RecordRef.of(RecordType.ACCOUNT, storedAccount.id());
        for (FollowUpRecord followUp : followUps) {
            FollowUpRecord copy = cmd.tx().followUps().insert(followUp.toBuilder()
                    .id(cmd.tx().followUps().nextId()).target(accountRef).version(0)
                    .createdAt(now).updatedAt(now).build());
            cmd.log(RecordRef.of(RecordType.FOLLOW_UP_RECORD, copy.id()), null, "follow-up.record", null, copy,
                    "carried over from " + LeadAccess.ref(lead));
        }

        Lead converted = cmd.tx().leads().update(lead.convert(storedAccount.id(), storedContact.id(),
                storedOpportunity == null ? null : storedOpportunity.id(), now).toBuilder().updatedAt(now).build());
        cmd.log(LeadAccess.ref(converted), LeadAccess.poolContext(converted), "lead.convert", lead, converted, null);
        notifyOwners(converted, storedAccount);
        return new ConversionResult(converted, storedAccount, existing == null, storedContact, reused == null,
                storedOpportunity, followUps.size(), warnings);
    }

    private Account newAccount(Instant lastFollowUp) {
        return Account.builder()
                .id(cmd.tx().accounts().nextId())
                .tenantId(cmd.tenant())
                .name(command.accountName() != null ? command.accountName() : lead.company())
                .source(lead.source())
                .phone(lead.phone())
                .email(lead.email())
                .lastFollowUpAt(lastFollowUp)
                .owner(owner)
                .ownedSince(now)
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    /** The existing account with its empty phone and e-mail taken from the lead; nothing overwritten. */
    private Account filled(Account account, Instant lastFollowUp) {
        Account.Builder builder = account.toBuilder();
        if (account.phone() == null) {
            builder.phone(lead.phone());
        }
        if (account.email() == null) {
            builder.email(lead.email());
        }
        Account result = builder.build();
        if (lastFollowUp != null) {
            result = result.followedUpAt(lastFollowUp);
        }
        return result.equals(account) ? account : result.toBuilder().updatedAt(now).build();
    }

    /**
     * A contact of {@code account} with the lead's person's name and phone (or, when the lead has no
     * phone, e-mail), or null. Looked up by account and name key in the store; the few contacts with
     * that name are then compared by every phone they have.
     */
    private Contact sameContact(Account account) {
        Contact probe = newContact(account);
        if (probe.nameKey() == null || (lead.phoneKey() == null && lead.emailKey() == null)) {
            return null;
        }
        Condition condition = Condition.all(
                Condition.eq("accountId",
                        new CustomValue.Text(account.id().value())),
                Condition.eq("nameKey",
                        new CustomValue.Text(probe.nameKey())),
                Condition.eq("voided", new CustomValue.Flag(false)));
        PageRequest page = PageRequest.first(PAGE);
        while (true) {
            Page<Contact> found = cmd.tx().contacts().query(cmd.tenant(), condition, cmd.query(), page);
            for (Contact candidate : found.items()) {
                if (samePerson(candidate)) {
                    return candidate;
                }
            }
            if (!found.hasNext()) {
                return null;
            }
            page = page.next(found);
        }
    }

    private boolean samePerson(Contact candidate) {
        if (lead.phoneKey() != null) {
            return candidate.phones().stream()
                    .anyMatch(phone -> lead.phoneKey().equals(MatchKeys.phoneKey(phone)));
        }
        return lead.emailKey().equals(candidate.emailKey());
    }

    private Contact newContact(Account account) {
        return Contact.builder()
                .id(cmd.tx().contacts().nextId())
                .tenantId(cmd.tenant())
                .accountId(account.id())
                .name(lead.personName())
                .phones(lead.phone() == null ? List.of() : List.of(lead.phone()))
                .email(lead.email())
                .owner(owner)
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    /** The reused contact with its empty e-mail taken from the lead. */
    private Contact filled(Contact contact) {
        if (contact.email() != null || lead.email() == null) {
            return contact;
        }
        return contact.toBuilder().email(lead.email()).updatedAt(now).build();
    }

    private Opportunity newOpportunity(Account account, Contact contact) {
        SalesProcess process = SalesProcess.defaultProcess();
        ConvertLead.OpportunityDraft draft = command.opportunity();
        return Opportunity.builder()
                .id(cmd.tx().opportunities().nextId())
                .tenantId(cmd.tenant())
                .name(draft.name())
                .accountId(account.id())
                .expectedCloseDate(draft.expectedCloseDate())
                .amount(draft.amount())
                .salesProcessId(process.id())
                .stage(OpportunityStage.open(process.firstStage().id()))
                .sourceLeadId(lead.id())
                .contacts(List.of(OpportunityContact.of(contact.id()).withPrimary(true)))
                .owner(owner)
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    private List<FollowUpRecord> followUpsOf(RecordRef target) {
        List<FollowUpRecord> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PAGE);
        while (true) {
            Page<FollowUpRecord> found = cmd.tx().followUps().ofTarget(cmd.tenant(), target,
                    cmd.query(), page);
            all.addAll(found.items());
            if (!found.hasNext()) {
                return all;
            }
            page = page.next(found);
        }
    }

    private static Instant latest(Instant start, List<FollowUpRecord> followUps) {
        Instant latest = start;
        for (FollowUpRecord followUp : followUps) {
            if (latest == null || followUp.occurredAt().isAfter(latest)) {
                latest = followUp.occurredAt();
            }
        }
        return latest;
    }

    private <T extends Record & Aggregate<?>> T logged(T stored, T before, String action,
            String reason) {
        RecordType type = stored instanceof Account ? RecordType.ACCOUNT
                : stored instanceof Contact ? RecordType.CONTACT : RecordType.OPPORTUNITY;
        cmd.log(RecordRef.of(type, stored.id()), null, action, before, stored, reason);
        return stored;
    }

    private void notifyOwners(Lead converted, Account account) {
        Set<UserId> recipients = new LinkedHashSet<>();
        if (lead.owner() != null) {
            recipients.add(lead.owner());
        }
        if (existing != null && account.owner() != null) {
            recipients.add(account.owner());
        }
        recipients.remove(cmd.actor().userId());
        cmd.notify(recipients, "lead.converted", LeadAccess.ref(converted),
                Map.of("leadId", converted.id().value(), "accountId", account.id().value(),
                        "by", cmd.actor().userId().value()),
                "lead.converted:" + converted.id().value());
    }
}
