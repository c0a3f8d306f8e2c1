package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.IntakeFixture.START;
import static io.crmkit.rules.lead.IntakeFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.tenant.DuplicateAction;
import io.crmkit.core.tenant.DuplicatePolicy;
import io.crmkit.core.tenant.RequiredFields;
import io.crmkit.rules.duplicate.DuplicateBlockedException;
import io.crmkit.rules.duplicate.DuplicateMatch;
import io.crmkit.rules.duplicate.DuplicateReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadConversionTest {
    private final IntakeFixture crm = new IntakeFixture();
    private final LeadIntake intake = new LeadIntake(crm.rules);
    private final LeadConversion conversion = new LeadConversion(crm.rules);

    private Lead alicesLead() {
        return intake.create(crm.alice, NewLead.builder().personName("张三").company("杭州示例科技有限公司")
                .phone("+86 138-0000-0000").email("zhang@hz-sample.example").source("fair").details("valves")
                .owner(crm.alice.userId()).build()).lead();
    }

    /** An account of the tenant owned by {@code owner}, stored directly. */
    private Account account(String name, UserId owner, String phone, String email) {
        return crm.store.transact(tx -> tx.accounts().insert(Account.builder().id(tx.accounts().nextId())
                .tenantId(TENANT).name(name).phone(phone).email(email).owner(owner).ownedSince(START)
                .createdAt(START).updatedAt(START).build()));
    }

    private Contact contact(Account account, String name, String... phones) {
        return crm.store.transact(tx -> tx.contacts().insert(Contact.builder().id(tx.contacts().nextId())
                .tenantId(account.tenantId()).accountId(account.id()).name(name).phones(List.of(phones))
                .createdAt(START).updatedAt(START).build()));
    }

    // ------------------------------------------------------------------ new account

    @Test
    void converting_to_a_new_account_creates_account_and_contact_and_converts_the_lead() {
        LeadPool pool = crm.pool("p1");
        Lead lead = intake.create(crm.alice, NewLead.builder().personName("张三").company("杭州示例科技有限公司")
                .phone("+86 138-0000-0000").email("zhang@hz-sample.example").source("fair").details("valves")
                .pool(pool.id()).owner(crm.alice.userId()).build()).lead();
        crm.clock.advance(Duration.ofDays(2));
        Instant now = START.plus(Duration.ofDays(2));

        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount());

        Account account = result.account();
        assertThat(result.accountCreated()).isTrue();
        assertThat(account.name()).isEqualTo("杭州示例科技有限公司");
        assertThat(account.phone()).isEqualTo("+86 138-0000-0000");
        assertThat(account.email()).isEqualTo("zhang@hz-sample.example");
        assertThat(account.source()).isEqualTo("fair");
        assertThat(account.owner()).isEqualTo(crm.alice.userId());
        assertThat(account.ownedSince()).isEqualTo(now);
        assertThat(account.version()).isEqualTo(1);

        Contact contact = result.contact();
        assertThat(result.contactCreated()).isTrue();
        assertThat(contact.accountId()).isEqualTo(account.id());
        assertThat(contact.name()).isEqualTo("张三");
        assertThat(contact.phones()).containsExactly("+86 138-0000-0000");
        assertThat(contact.email()).isEqualTo("zhang@hz-sample.example");
        assertThat(contact.owner()).isEqualTo(crm.alice.userId());

        Lead converted = result.lead();
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.convertedAccountId()).isEqualTo(account.id());
        assertThat(converted.convertedContactId()).isEqualTo(contact.id());
        assertThat(converted.convertedOpportunityId()).isNull();
        assertThat(converted.convertedAt()).isEqualTo(now).isEqualTo(converted.updatedAt());
        assertThat(converted.allowedActions()).isEmpty();
        assertThat(result.opportunity()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(crm.lead(lead.id())).isEqualTo(converted);
        assertThat(crm.accounts()).containsExactly(account);
        assertThat(crm.contacts()).containsExactly(contact);

        assertThat(crm.log(RecordType.LEAD, lead.id())).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("lead.convert");
            assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.LEAD_POOL, pool.id()));
            assertThat(entry.changes()).extracting(FieldChange::field).contains("status", "convertedAccountId");
        });
        assertThat(crm.log(RecordType.ACCOUNT, account.id())).extracting(ChangeLogEntry::action, ChangeLogEntry::reason)
                .containsExactly(tuple("account.create", "converted from LEAD:" + lead.id().value()));
        assertThat(crm.log(RecordType.CONTACT, contact.id())).extracting(ChangeLogEntry::action)
                .containsExactly("contact.create");
        assertThat(crm.outbox()).as("alice converted her own lead").isEmpty();
    }

    @Test
    void an_opportunity_opens_at_the_first_stage_with_the_lead_as_its_source() {
        Lead lead = alicesLead();
        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount("杭州示例")
                .withOpportunity(new ConvertLead.OpportunityDraft("20 valves", Money.of("12000.00", "CNY"),
                        LocalDate.of(2026, 12, 31))));

        Opportunity opportunity = result.opportunity();
        assertThat(result.account().name()).isEqualTo("杭州示例");
        assertThat(opportunity.name()).isEqualTo("20 valves");
        assertThat(opportunity.amount()).isEqualTo(Money.of("12000.00", "CNY"));
        assertThat(opportunity.expectedCloseDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(opportunity.accountId()).isEqualTo(result.account().id());
        assertThat(opportunity.salesProcessId()).isEqualTo(SalesProcess.defaultProcess().id());
        assertThat(opportunity.stage().stageId()).isEqualTo(SalesProcess.defaultProcess().firstStage().id());
        assertThat(opportunity.stage().isOpen()).isTrue();
        assertThat(opportunity.sourceLeadId()).isEqualTo(lead.id());
        assertThat(opportunity.owner()).isEqualTo(crm.alice.userId());
        assertThat(opportunity.contacts()).singleElement().satisfies(c -> {
            assertThat(c.contactId()).isEqualTo(result.contact().id());
            assertThat(c.primary()).isTrue();
        });
        assertThat(result.lead().convertedOpportunityId()).isEqualTo(opportunity.id());
        assertThat(crm.log(RecordType.OPPORTUNITY, opportunity.id())).extracting(ChangeLogEntry::action)
                .containsExactly("opportunity.create");
    }

    @Test
    void a_bad_opportunity_is_refused_before_anything_changes() {
        Lead lead = alicesLead();
        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount()
                .withOpportunity(new ConvertLead.OpportunityDraft(" ", Money.of("-1.00", "CNY"), null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("opportunity.name", "opportunity.amount"));
        assertThat(crm.lead(lead.id())).isEqualTo(lead);
        assertThat(crm.accounts()).isEmpty();
    }

    @Test
    void the_new_accounts_and_contacts_required_fields_are_reported_together() {
        IntakeFixture relaxed = new IntakeFixture(s -> s.requiredFields(RequiredFields.defaults()
                .with(RecordType.LEAD, List.of()).plus(RecordType.CONTACT, "email")));
        Lead bare = new LeadIntake(relaxed.rules).create(relaxed.alice, NewLead.builder().phone("13800000000")
                .owner(relaxed.alice.userId()).build()).lead();

        assertThatThrownBy(() -> new LeadConversion(relaxed.rules).convert(relaxed.alice, bare.id(),
                ConvertLead.toNewAccount()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code).containsExactly(
                                tuple("account.name", ErrorCode.FIELD_REQUIRED),
                                tuple("contact.name", ErrorCode.FIELD_REQUIRED),
                                tuple("contact.email", ErrorCode.FIELD_REQUIRED)));
        assertThat(relaxed.lead(bare.id()).status()).isEqualTo(LeadStatus.NEW);
        assertThat(relaxed.accounts()).isEmpty();
    }

    @Test
    void a_new_account_duplicating_an_existing_one_is_blocked_by_default_suggesting_the_existing_one() {
        Account existing = account("杭州示例科技", crm.alice.userId(), null, null);
        Lead lead = alicesLead();

        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount()))
                .isInstanceOfSatisfying(DuplicateBlockedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("account.duplicate");
                    assertThat(e.matches()).containsExactly(new DuplicateMatch(RecordRef.of(RecordType.ACCOUNT,
                            existing.id()), DuplicateReason.SAME_COMPANY, "杭州示例科技"));
                    assertThat(e.getMessage()).contains("toExistingAccount");
                });
        assertThat(crm.lead(lead.id())).isEqualTo(lead);
        assertThat(crm.accounts()).containsExactly(existing);
        assertThat(crm.contacts()).isEmpty();

        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(existing.id()));
        assertThat(result.accountCreated()).isFalse();
        assertThat(result.account().id()).isEqualTo(existing.id());
    }

    @Test
    void under_warn_a_likely_duplicate_account_is_created_and_reported() {
        IntakeFixture lenient = new IntakeFixture(s -> s.duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.WARN)));
        Account existing = lenient.store.transact(tx -> tx.accounts().insert(Account.builder().id(tx.accounts().nextId())
                .tenantId(TENANT).name("Hangzhou Sample Tech").email("info@hz-sample.example")
                .owner(lenient.bob.userId()).ownedSince(START).createdAt(START).updatedAt(START).build()));
        Lead lead = new LeadIntake(lenient.rules).create(lenient.alice, NewLead.builder().personName("张三")
                .company("杭州示例科技").phone("13800000000").email("zhang@hz-sample.example").details("d")
                .owner(lenient.alice.userId()).build()).lead();

        ConversionResult result = new LeadConversion(lenient.rules).convert(lenient.alice, lead.id(),
                ConvertLead.toNewAccount());
        assertThat(result.accountCreated()).isTrue();
        assertThat(result.warnings()).containsExactly(new DuplicateMatch(RecordRef.of(RecordType.ACCOUNT, existing.id()),
                DuplicateReason.SAME_EMAIL_DOMAIN, "hz-sample.example"));
    }

    // ------------------------------------------------------------------ existing account

    @Test
    void converting_into_an_existing_account_fills_only_its_empty_fields() {
        Account existing = account("Hangzhou Sample", crm.alice.userId(), "0571-88880001", null);
        Lead lead = alicesLead();
        crm.clock.advance(Duration.ofHours(3));

        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(existing.id()));

        Account account = result.account();
        assertThat(result.accountCreated()).isFalse();
        assertThat(account.name()).isEqualTo("Hangzhou Sample");
        assertThat(account.phone()).as("kept").isEqualTo("0571-88880001");
        assertThat(account.email()).as("filled").isEqualTo("zhang@hz-sample.example");
        assertThat(account.version()).isEqualTo(2);
        assertThat(account.updatedAt()).isEqualTo(START.plus(Duration.ofHours(3)));
        assertThat(crm.log(RecordType.ACCOUNT, existing.id())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("account.update");
            assertThat(entry.changes()).containsExactly(new FieldChange("email", null, "zhang@hz-sample.example"));
        });
        assertThat(result.lead().convertedAccountId()).isEqualTo(existing.id());
        assertThat(result.contact().accountId()).isEqualTo(existing.id());
    }

    @Test
    void an_existing_account_with_nothing_to_fill_is_not_written() {
        Account existing = account("Hangzhou Sample", crm.alice.userId(), "0571-88880001", "info@hz.example");
        ConversionResult result = conversion.convert(crm.alice, alicesLead().id(),
                ConvertLead.toExistingAccount(existing.id()));
        assertThat(result.account()).isEqualTo(existing);
        assertThat(crm.log(RecordType.ACCOUNT, existing.id())).isEmpty();
    }

    @Test
    void another_tenants_account_is_not_found_even_with_the_same_name() {
        Account foreign = crm.store.transact(tx -> tx.accounts().insert(Account.builder().id(tx.accounts().nextId())
                .tenantId(IntakeFixture.OTHER_TENANT).name("杭州示例科技有限公司").owner(crm.alice.userId())
                .ownedSince(START).createdAt(START).updatedAt(START).build()));
        Lead lead = alicesLead();

        assertThatThrownBy(() -> conversion.convert(crm.admin, lead.id(), ConvertLead.toExistingAccount(foreign.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.lead(lead.id())).isEqualTo(lead);
        assertThat(crm.contacts()).isEmpty();

        // The other tenant's same-named account is no duplicate either: a new account is created.
        assertThat(conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount()).accountCreated()).isTrue();
    }

    @Test
    void converting_into_an_account_needs_write_access_to_it() {
        Account bobs = account("Bob's customer", crm.bob.userId(), null, null);
        Lead lead = alicesLead();
        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(bobs.id())))
                .isInstanceOf(ForbiddenException.class);

        crm.store.transact(tx -> tx.accounts().update(tx.accounts().get(TENANT, bobs.id())
                .withTeamMember(TeamMember.readOnly(crm.alice.userId()))));
        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(bobs.id())))
                .as("read-only team member").isInstanceOf(ForbiddenException.class);

        crm.store.transact(tx -> tx.accounts().update(tx.accounts().get(TENANT, bobs.id())
                .withTeamMember(TeamMember.readWrite(crm.alice.userId()))));
        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(bobs.id()));
        assertThat(result.account().id()).isEqualTo(bobs.id());
        assertThat(crm.outbox()).singleElement().satisfies(entry -> {
            assertThat(entry.notification().type()).isEqualTo("lead.converted");
            assertThat(entry.notification().recipients()).as("bob owns the account").containsExactly(crm.bob.userId());
        });
    }

    @Test
    void a_locked_or_voided_account_takes_no_conversion() {
        Account locked = account("Locked", crm.alice.userId(), null, null);
        crm.store.transact(tx -> tx.accounts().update(tx.accounts().get(TENANT, locked.id()).withLocked(true)));
        Lead lead = alicesLead();
        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(locked.id())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.locked"));
        crm.store.transact(tx -> tx.accounts().update(tx.accounts().get(TENANT, locked.id()).withLocked(false)
                .withVoided(true)));
        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(locked.id())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.voided"));
        assertThat(crm.lead(lead.id())).isEqualTo(lead);
    }

    // ------------------------------------------------------------------ contact

    @Test
    void a_contact_with_the_same_name_and_phone_on_the_account_is_reused() {
        Account existing = account("Hangzhou Sample", crm.alice.userId(), null, null);
        Contact same = contact(existing, "张 三", "0571-88880001", "(+86) 138 0000 0000");
        Lead lead = alicesLead();

        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(existing.id()));

        assertThat(result.contactCreated()).isFalse();
        assertThat(result.contact().id()).isEqualTo(same.id());
        assertThat(result.contact().email()).as("its empty e-mail filled").isEqualTo("zhang@hz-sample.example");
        assertThat(result.lead().convertedContactId()).isEqualTo(same.id());
        assertThat(crm.contacts()).hasSize(1);
        assertThat(crm.log(RecordType.CONTACT, same.id())).extracting(ChangeLogEntry::action)
                .containsExactly("contact.update");
    }

    @Test
    void a_namesake_with_another_phone_is_another_person() {
        Account existing = account("Hangzhou Sample", crm.alice.userId(), null, null);
        Contact namesake = contact(existing, "张三", "13900000000");
        Lead lead = alicesLead();

        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(existing.id()));

        assertThat(result.contactCreated()).isTrue();
        assertThat(result.contact().id()).isNotEqualTo(namesake.id());
        assertThat(crm.contacts()).hasSize(2);
        assertThat(result.warnings()).as("a weak match under the default WARN").containsExactly(new DuplicateMatch(
                RecordRef.of(RecordType.CONTACT, namesake.id()), DuplicateReason.SAME_NAME, "张三"));
    }

    @Test
    void a_new_contact_sharing_a_phone_with_a_contact_elsewhere_is_blocked_under_block() {
        IntakeFixture strict = new IntakeFixture(s -> s.duplicatePolicy(
                DuplicatePolicy.defaults().with(RecordType.CONTACT, DuplicateAction.BLOCK)));
        Account elsewhere = strict.store.transact(tx -> tx.accounts().insert(Account.builder().id(tx.accounts().nextId())
                .tenantId(TENANT).name("Elsewhere").owner(strict.bob.userId()).ownedSince(START).createdAt(START)
                .updatedAt(START).build()));
        Contact other = strict.store.transact(tx -> tx.contacts().insert(Contact.builder().id(tx.contacts().nextId())
                .tenantId(TENANT).accountId(elsewhere.id()).name("Someone").phones(List.of("13800000000"))
                .createdAt(START).updatedAt(START).build()));
        Lead lead = new LeadIntake(strict.rules).create(strict.alice, NewLead.builder().personName("张三").company("杭州")
                .phone("+86 138 0000 0000").details("d").owner(strict.alice.userId()).build()).lead();

        assertThatThrownBy(() -> new LeadConversion(strict.rules).convert(strict.alice, lead.id(), ConvertLead.toNewAccount()))
                .isInstanceOfSatisfying(DuplicateBlockedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("contact.duplicate");
                    assertThat(e.matches()).containsExactly(new DuplicateMatch(RecordRef.of(RecordType.CONTACT, other.id()),
                            DuplicateReason.SAME_PHONE, "13800000000"));
                });
        assertThat(strict.accounts()).as("the account is rolled back too").containsExactly(elsewhere);
        assertThat(strict.lead(lead.id()).status()).isEqualTo(LeadStatus.NEW);
    }

    // ------------------------------------------------------------------ follow-ups

    @Test
    void the_leads_follow_ups_are_carried_over_to_the_account() {
        Lead lead = alicesLead();
        RecordRef leadRef = RecordRef.of(RecordType.LEAD, lead.id());
        Instant call = START.minus(Duration.ofDays(3));
        Instant visit = START.minus(Duration.ofDays(1));
        FollowUpRecord first = crm.followUp(leadRef, crm.alice, FollowUpKind.CALL, "called, wants a quote", call);
        FollowUpRecord second = crm.followUp(leadRef, crm.bob, FollowUpKind.VISIT, "visited the plant", visit);
        crm.clock.advance(Duration.ofDays(1));

        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount());

        RecordRef accountRef = RecordRef.of(RecordType.ACCOUNT, result.account().id());
        assertThat(result.followUpsCarriedOver()).isEqualTo(2);
        assertThat(crm.followUps(accountRef))
                .extracting(FollowUpRecord::kind, FollowUpRecord::content, FollowUpRecord::occurredAt, FollowUpRecord::author)
                .containsExactly(tuple(FollowUpKind.CALL, "called, wants a quote", call, crm.alice.userId()),
                        tuple(FollowUpKind.VISIT, "visited the plant", visit, crm.bob.userId()));
        assertThat(crm.followUps(accountRef)).allSatisfy(copy -> {
            assertThat(copy.id()).isNotIn(first.id(), second.id());
            assertThat(copy.createdAt()).isEqualTo(START.plus(Duration.ofDays(1)));
        });
        assertThat(crm.followUps(leadRef)).as("the lead keeps its history").containsExactly(first, second);
        assertThat(result.account().lastFollowUpAt()).isEqualTo(visit);
        for (FollowUpRecord copy : crm.followUps(accountRef)) {
            assertThat(crm.log(RecordType.FOLLOW_UP_RECORD, copy.id()))
                    .extracting(ChangeLogEntry::action, ChangeLogEntry::reason)
                    .containsExactly(tuple("follow-up.record", "carried over from " + leadRef));
        }
    }

    @Test
    void carried_over_follow_ups_move_an_existing_accounts_last_follow_up_only_forward() {
        Account existing = crm.store.transact(tx -> tx.accounts().insert(Account.builder().id(tx.accounts().nextId())
                .tenantId(TENANT).name("Hangzhou Sample").phone("1").email("x@y.example")
                .lastFollowUpAt(START.minus(Duration.ofDays(2))).owner(crm.alice.userId()).ownedSince(START)
                .createdAt(START).updatedAt(START).build()));
        Lead lead = alicesLead();
        crm.followUp(RecordRef.of(RecordType.LEAD, lead.id()), crm.alice, FollowUpKind.NOTE, "old note",
                START.minus(Duration.ofDays(5)));

        ConversionResult result = conversion.convert(crm.alice, lead.id(), ConvertLead.toExistingAccount(existing.id()));
        assertThat(result.account().lastFollowUpAt()).isEqualTo(START.minus(Duration.ofDays(2)));
        assertThat(crm.followUps(RecordRef.of(RecordType.ACCOUNT, existing.id()))).hasSize(1);
    }

    // ------------------------------------------------------------------ the lead

    @Test
    void converting_twice_is_an_illegal_transition_and_changes_nothing() {
        Lead lead = alicesLead();
        ConversionResult first = conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount());

        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("CONVERTED");
                    assertThat(e.action()).isEqualTo("CONVERT");
                });
        assertThatThrownBy(() -> conversion.convert(crm.admin, lead.id(),
                ConvertLead.toExistingAccount(first.account().id())))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(crm.lead(lead.id())).isEqualTo(first.lead());
        assertThat(crm.accounts()).hasSize(1);
        assertThat(crm.contacts()).hasSize(1);
    }

    @Test
    void an_invalid_lead_cannot_be_converted_nor_a_locked_one() {
        Lead lead = alicesLead();
        crm.change(lead.id(), l -> l.markInvalid("no need"));
        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount()))
                .isInstanceOf(IllegalTransitionException.class);
        crm.change(lead.id(), l -> l.restore().withLocked(true));
        assertThatThrownBy(() -> conversion.convert(crm.alice, lead.id(), ConvertLead.toNewAccount()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.locked"));
        assertThat(crm.accounts()).isEmpty();
    }

    @Test
    void only_the_owner_or_an_admin_converts_and_the_owner_is_told() {
        LeadPool pool = crm.pool("p1");
        Lead lead = intake.create(crm.alice, NewLead.builder().personName("张三").company("杭州示例科技")
                .phone("13800000000").details("d").pool(pool.id()).owner(crm.alice.userId()).build()).lead();

        assertThatThrownBy(() -> conversion.convert(crm.bob, lead.id(), ConvertLead.toNewAccount()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(crm.lead(lead.id())).isEqualTo(lead);
        assertThat(crm.accounts()).isEmpty();

        ConversionResult result = conversion.convert(crm.poolAdmin, lead.id(), ConvertLead.toNewAccount());
        assertThat(result.account().owner()).as("the lead's owner owns what it became").isEqualTo(crm.alice.userId());
        assertThat(crm.outbox()).singleElement().satisfies(entry -> {
            assertThat(entry.notification().type()).isEqualTo("lead.converted");
            assertThat(entry.notification().recipients()).containsExactly(crm.alice.userId());
            assertThat(entry.notification().payload()).containsEntry("accountId", result.account().id().value());
        });
    }

    @Test
    void an_unowned_pool_lead_converted_by_an_admin_goes_to_the_admin() {
        LeadPool pool = crm.pool("p1");
        Lead lead = intake.create(crm.poolAdmin, NewLead.builder().personName("张三").company("杭州示例科技")
                .phone("13800000000").details("d").pool(pool.id()).build()).lead();
        ConversionResult result = conversion.convert(crm.poolAdmin, lead.id(), ConvertLead.toNewAccount());
        assertThat(result.account().owner()).isEqualTo(crm.poolAdmin.userId());
        assertThat(result.contact().owner()).isEqualTo(crm.poolAdmin.userId());
    }

    @Test
    void a_converted_lead_never_blocks_importing_a_new_lead_with_the_same_data() {
        IntakeFixture strict = new IntakeFixture(s -> s.duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.BLOCK)));
        LeadIntake strictIntake = new LeadIntake(strict.rules);
        NewLead card = NewLead.builder().personName("张三").company("杭州示例科技有限公司").phone("13800000000")
                .email("zhang@hz-sample.example").details("d").owner(strict.alice.userId()).build();
        Lead first = strictIntake.create(strict.alice, card).lead();
        new LeadConversion(strict.rules).convert(strict.alice, first.id(), ConvertLead.toNewAccount());

        LeadSaved again = strictIntake.create(strict.alice, card);

        assertThat(again.warnings()).isEmpty();
        assertThat(again.lead().status()).isEqualTo(LeadStatus.NEW);
        assertThat(strict.leadCount()).isEqualTo(2);
    }

    @Test
    void an_existing_account_name_is_not_given_again() {
        assertThatThrownBy(() -> new ConvertLead(AccountId.of("a1"), "New name", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("accountName", ErrorCode.FIELD_INVALID)).isTrue());
        assertThatThrownBy(() -> ConvertLead.toExistingAccount(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void actors_of_another_tenant_do_not_find_the_lead() {
        Lead lead = alicesLead();
        Actor stranger = Actor.of(IntakeFixture.OTHER_TENANT, UserId.of("admin")).withRoles(Set.of("crm-admin"));
        assertThatThrownBy(() -> conversion.convert(stranger, lead.id(), ConvertLead.toNewAccount()))
                .isInstanceOf(NotFoundException.class);
    }
}
