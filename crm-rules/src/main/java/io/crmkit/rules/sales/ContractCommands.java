package io.crmkit.rules.sales;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.AttachmentRef;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.ContractStatus;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The contract commands (销售合同, DOMAIN.md §3): create a contract directly, edit it while it is a
 * draft, keep references to its files, and move it through its life cycle
 * {@code DRAFT --activate--> ACTIVE --expire--> EXPIRED}, {@code DRAFT/ACTIVE --terminate--> TERMINATED};
 * {@link #expireDue} expires the active contracts whose period has ended.
 *
 * <p>Contract numbers are unique per tenant: creating or renumbering takes a transaction lock on the
 * number before checking it, so two commands racing for one number cannot both win.
 *
 * <p>Rules every command shares:
 * <ul>
 *   <li><b>Who:</b> creating needs the right to work the account (its owner, a read-write team member,
 *       an admin of its public pool, or a tenant admin; the account must not be voided or locked);
 *       changing a contract needs its owner or a tenant admin; reading needs the right to see the
 *       account.</li>
 *   <li><b>Refuse before writing:</b> every check runs before the first write, so a refused command
 *       changes nothing and logs nothing.</li>
 *   <li><b>Change log:</b> every change appends an entry with the action code named by the
 *       {@code ACTION_...} constants; when the actor is not the contract's owner, the owner is notified
 *       (notification type = the action code).</li>
 * </ul>
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm#contracts()}; the constructor is internal.
 */
public final class ContractCommands {
    /** Change-log action of {@link #create}. */
    public static final String ACTION_CREATE = "contract.create";
    /** Change-log action of {@link #update}. */
    public static final String ACTION_UPDATE = "contract.update";
    /** Change-log action of {@link #addAttachment}. */
    public static final String ACTION_ADD_ATTACHMENT = "contract.add-attachment";
    /** Change-log action of {@link #removeAttachment}. */
    public static final String ACTION_REMOVE_ATTACHMENT = "contract.remove-attachment";
    /** Change-log action of {@link #activate}. */
    public static final String ACTION_ACTIVATE = "contract.activate";
    /** Change-log action of {@link #terminate}. */
    public static final String ACTION_TERMINATE = "contract.terminate";
    /** Change-log action of {@link #expire} and {@link #expireDue}. */
    public static final String ACTION_EXPIRE = "contract.expire";
    /** The action named in refusals of {@link #get} and {@link #ofAccount} (not logged). */
    public static final String ACTION_READ = "contract.read";

    /** Rule: only a DRAFT contract is edited. */
    public static final String RULE_NOT_DRAFT = "contract.not-draft";
    /** Rule: an EXPIRED or TERMINATED contract takes no more attachment changes. */
    public static final String RULE_FINAL = "contract.final";

    /** Longest termination reason (the change log's limit). */
    public static final int MAX_TERMINATION_REASON = 2000;

    /** The reason {@link #expireDue} logs. */
    public static final String PERIOD_ENDED = "period ended";

    private static final int PAGE = 500;

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public ContractCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Creates a DRAFT contract for an account, owned by the actor (change-log entry
     * {@value #ACTION_CREATE}). Lines, when given, are numbered from 1 and priced with the tenant's
     * policy; their products must be on shelf (rule {@code product.off-shelf}). The amount is the
     * agreed amount: required without lines, the lines' subtotal when omitted with lines, and free to
     * differ from the lines when given.
     *
     * @param actor who creates it
     * @param contract what to create
     * @return the stored contract
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may work the account
     * @throws RuleViolationException with rule {@code account.voided}, {@code account.locked} or
     *     {@code product.off-shelf}
     * @throws ValidationException listing: {@link ErrorCode#FIELD_REQUIRED} on {@code account},
     *     {@code number}, or {@code amount} (no amount and no lines); {@link ErrorCode#FIELD_OUT_OF_RANGE}
     *     for overlong texts; {@link ErrorCode#CURRENCY_MISMATCH} on {@code amount};
     *     {@link ErrorCode#FIELD_NEGATIVE} on {@code amount}; {@link ErrorCode#FIELD_INVALID} on
     *     {@code endsOn} for a period ending before it starts; and the line errors of
     *     {@link OrderCommands#create}
     * @throws io.crmkit.core.error.DuplicateRecordException (record type {@code CONTRACT}, key = the
     *     number) when another contract of the tenant has the number
     */
    public Contract create(Actor actor, NewContract contract) {
        Checks.required("contract", contract);
        if (contract.account() == null) {
            throw ValidationException.of("account", ErrorCode.FIELD_REQUIRED);
        }
        return rules.command(actor, cmd -> {
            Account account = SalesAccess.workableAccount(cmd, contract.account(), ACTION_CREATE);
            Currency currency = contract.currency() != null ? contract.currency() : cmd.settings().currency();
            Money.scaleOf(currency);
            List<Violation> violations = new ArrayList<>(CrmValidation.violations(contract));
            violations.addAll(amountViolations(contract.amount(), currency));
            if (contract.amount() == null && contract.lines().isEmpty()) {
                violations.add(Violation.of("amount", ErrorCode.FIELD_REQUIRED));
            }
            violations.addAll(periodViolations(contract.startsOn(), contract.endsOn()));
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            List<SalesLine> lines = SalesMath.price(cmd, currency, contract.lines(), 1, "lines", true);
            Money amount = contract.amount() != null ? contract.amount() : subtotal(currency, lines);
            SalesAccess.requireContractNumberFree(cmd, contract.number(), null);
            Contract draft = Contract.builder()
                    .id(cmd.tx().contracts().nextId())
                    .tenantId(cmd.tenant())
                    .accountId(account.id())
                    .number(contract.number())
                    .title(contract.title())
                    .currency(currency)
                    .lines(lines)
                    .amount(amount)
                    .startsOn(contract.startsOn())
                    .endsOn(contract.endsOn())
                    .status(ContractStatus.DRAFT)
                    .owner(cmd.actor().userId())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now())
                    .build();
            Contract stored = cmd.tx().contracts().insert(draft);
            cmd.log(ref(stored), null, ACTION_CREATE, null, stored, null);
            return stored;
        });
    }

    private static Money subtotal(Currency currency, List<SalesLine> lines) {
        Money sum = Money.zero(currency);
        for (SalesLine line : lines) {
            sum = sum.plus(line.amount());
        }
        return sum;
    }

    private static List<Violation> amountViolations(Money amount, Currency currency) {
        if (amount == null) {
            return List.of();
        }
        if (!amount.currency().equals(currency)) {
            return List.of(Violation.of("amount", ErrorCode.CURRENCY_MISMATCH,
                    currency.getCurrencyCode(), amount.currency().getCurrencyCode()));
        }
        if (amount.isNegative()) {
            return List.of(Violation.of("amount", ErrorCode.FIELD_NEGATIVE, amount.amount().toPlainString()));
        }
        return List.of();
    }

    private static List<Violation> periodViolations(LocalDate startsOn, LocalDate endsOn) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            return List.of(Violation.of("endsOn", ErrorCode.FIELD_INVALID,
                    "the period ends on " + endsOn + ", before it starts on " + startsOn));
        }
        return List.of();
    }

    /**
     * The contract, for anyone who may see its account.
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may see the contract's account
     */
    public Contract get(Actor actor, ContractId id) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            Contract contract = cmd.tx().contracts().get(cmd.tenant(), id);
            SalesAccess.readableAccount(cmd, contract.accountId(), ACTION_READ);
            return contract;
        });
    }

    /**
     * The account's contracts, oldest first, for anyone who may see the account.
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may see the account
     */
    public List<Contract> ofAccount(Actor actor, AccountId account) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            SalesAccess.readableAccount(cmd, account, ACTION_READ);
            Condition ofAccount = Condition.eq("accountId", new CustomValue.Text(account.value()));
            List<Contract> result = new ArrayList<>();
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                Page<Contract> page = cmd.tx().contracts().query(cmd.tenant(), ofAccount, cmd.query(), request);
                result.addAll(page.items());
                if (!page.hasNext()) {
                    return result;
                }
                request = request.next(page);
            }
        });
    }

    /**
     * Changes a DRAFT contract's number, title, period or amount (change-log entry
     * {@value #ACTION_UPDATE}); an update that changes nothing writes and logs nothing. A new number is
     * checked for uniqueness like on {@link #create}.
     *
     * @return the contract after the update
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the contract or is a tenant admin
     * @throws ValidationException as {@link #create} for the changed parts (the period is checked as it
     *     will be after the update)
     * @throws RuleViolationException with rule {@value #RULE_NOT_DRAFT} unless the contract is DRAFT
     * @throws io.crmkit.core.error.DuplicateRecordException when another contract has the new number
     */
    public Contract update(Actor actor, ContractId id, ContractUpdate update) {
        Checks.required("id", id);
        Checks.required("update", update);
        return rules.command(actor, cmd -> {
            Contract before = load(cmd, id, ACTION_UPDATE);
            LocalDate startsOn = update.startsOn() != null ? update.startsOn() : before.startsOn();
            LocalDate endsOn = update.endsOn() != null ? update.endsOn() : before.endsOn();
            List<Violation> violations = new ArrayList<>(CrmValidation.violations(update));
            violations.addAll(amountViolations(update.amount(), before.currency()));
            violations.addAll(periodViolations(startsOn, endsOn));
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            if (before.status() != ContractStatus.DRAFT) {
                throw new RuleViolationException(RULE_NOT_DRAFT, null,
                        "contract " + id + " is " + before.status() + "; only a draft contract is edited");
            }
            String number = update.number() != null ? update.number() : before.number();
            if (!number.equals(before.number())) {
                SalesAccess.requireContractNumberFree(cmd, number, id);
            }
            String title = update.title() == null ? before.title() : update.title();
            Contract changed = before.toBuilder().number(number).title(title).startsOn(startsOn).endsOn(endsOn)
                    .amount(update.amount() != null ? update.amount() : before.amount()).build();
            if (changed.equals(before)) {
                return before;
            }
            return write(cmd, before, changed, ACTION_UPDATE, null);
        });
    }

    /**
     * Adds a reference to a file the host stores (change-log entry {@value #ACTION_ADD_ATTACHMENT}), on
     * a DRAFT or ACTIVE contract.
     *
     * @return the changed contract
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the contract or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code attachment} when
     *     missing, {@link ErrorCode#FIELD_INVALID} on {@code attachment.uri} when the contract already
     *     has an attachment at that URI
     * @throws RuleViolationException with rule {@value #RULE_FINAL} on an EXPIRED or TERMINATED contract
     */
    public Contract addAttachment(Actor actor, ContractId id, AttachmentRef attachment) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            Contract before = load(cmd, id, ACTION_ADD_ATTACHMENT);
            Checks.required("attachment", attachment);
            if (before.attachments().stream().anyMatch(a -> a.uri().equals(attachment.uri()))) {
                throw ValidationException.of("attachment.uri", ErrorCode.FIELD_INVALID,
                        "contract " + id + " already has an attachment at " + attachment.uri());
            }
            requireNotFinal(before, "add attachments");
            List<AttachmentRef> next = new ArrayList<>(before.attachments());
            next.add(attachment);
            return write(cmd, before, before.toBuilder().attachments(next).build(), ACTION_ADD_ATTACHMENT, null);
        });
    }

    /**
     * Removes the attachment reference at {@code uri} (change-log entry
     * {@value #ACTION_REMOVE_ATTACHMENT}), on a DRAFT or ACTIVE contract. The host's file is untouched.
     *
     * @return the changed contract
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the contract or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code uri} when missing,
     *     {@link ErrorCode#FIELD_INVALID} when the contract has no attachment at {@code uri}
     * @throws RuleViolationException with rule {@value #RULE_FINAL} on an EXPIRED or TERMINATED contract
     */
    public Contract removeAttachment(Actor actor, ContractId id, String uri) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            Contract before = load(cmd, id, ACTION_REMOVE_ATTACHMENT);
            String checked = Checks.text("uri", uri, AttachmentRef.MAX_URI);
            List<AttachmentRef> next = new ArrayList<>(before.attachments());
            if (!next.removeIf(a -> a.uri().equals(checked))) {
                throw ValidationException.of("uri", ErrorCode.FIELD_INVALID,
                        "contract " + id + " has no attachment at " + checked);
            }
            requireNotFinal(before, "remove attachments");
            return write(cmd, before, before.toBuilder().attachments(next).build(), ACTION_REMOVE_ATTACHMENT, null);
        });
    }

    /**
     * Puts a DRAFT contract in force, signed on {@code signedOn} (DRAFT → ACTIVE; change-log entry
     * {@value #ACTION_ACTIVATE}).
     *
     * @param signedOn the day it was signed; not after today in the tenant's zone
     * @return the changed contract
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the contract or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code signedOn} when
     *     missing, {@link ErrorCode#FIELD_INVALID} when it is after today
     * @throws IllegalTransitionException (machine {@value ContractStatus#MACHINE}) unless DRAFT
     */
    public Contract activate(Actor actor, ContractId id, LocalDate signedOn) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            Contract before = load(cmd, id, ACTION_ACTIVATE);
            Checks.required("signedOn", signedOn);
            if (signedOn.isAfter(cmd.today())) {
                throw ValidationException.of("signedOn", ErrorCode.FIELD_INVALID,
                        "a contract cannot be signed on " + signedOn + ", after today " + cmd.today());
            }
            return write(cmd, before, before.activate(signedOn, cmd.now()), ACTION_ACTIVATE, null);
        });
    }

    /**
     * Ends a DRAFT or ACTIVE contract early (→ TERMINATED; change-log entry {@value #ACTION_TERMINATE}
     * with the reason).
     *
     * @param reason why; required, at most {@value #MAX_TERMINATION_REASON} characters
     * @return the changed contract
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the contract or is a tenant admin
     * @throws ValidationException on {@code reason} when missing or too long
     * @throws IllegalTransitionException (machine {@value ContractStatus#MACHINE}) when EXPIRED or TERMINATED
     */
    public Contract terminate(Actor actor, ContractId id, String reason) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            Contract before = load(cmd, id, ACTION_TERMINATE);
            String checked = Checks.text("reason", reason, MAX_TERMINATION_REASON);
            return write(cmd, before, before.terminate(cmd.now()), ACTION_TERMINATE, checked);
        });
    }

    /**
     * Marks an ACTIVE contract as run to its end (→ EXPIRED; change-log entry {@value #ACTION_EXPIRE}).
     * {@link #expireDue} does this for every contract whose period has ended.
     *
     * @return the changed contract
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the contract or is a tenant admin
     * @throws IllegalTransitionException (machine {@value ContractStatus#MACHINE}) unless ACTIVE
     */
    public Contract expire(Actor actor, ContractId id) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            Contract before = load(cmd, id, ACTION_EXPIRE);
            return write(cmd, before, before.expire(cmd.now()), ACTION_EXPIRE, null);
        });
    }

    /**
     * The scheduled sweep: every ACTIVE contract of the sweeper's tenant whose period ended before today
     * (its {@code endsOn} is before today's date in the tenant's zone) becomes EXPIRED, with change-log
     * entry {@value #ACTION_EXPIRE} (reason {@value #PERIOD_ENDED}) recorded for the sweeper, and its
     * owner is notified. Contracts are found with a store query, in pages; each is expired in its own
     * transaction, which re-reads it and skips it if it is no longer ACTIVE or its period was changed so
     * that it is no longer due. Running it again expires nothing twice.
     *
     * <p>Like {@link io.crmkit.rules.pool.PoolSweeper#sweep}, this is the host's scheduled job, not a
     * user's action: any actor of the tenant may run it (it only does what the contracts' periods
     * dictate), and the actor is whom the change log records.
     *
     * @param sweeper the system actor the change log records
     * @return the ids of the contracts expired by this run, in id order
     * @throws ValidationException if the sweeper is missing
     */
    public List<ContractId> expireDue(Actor sweeper) {
        Checks.required("sweeper", sweeper);
        LocalDate today = rules.command(sweeper, CommandContext::today);
        Condition due = Condition.all(
                Condition.eq("status", new CustomValue.Text(ContractStatus.ACTIVE.name())),
                Condition.lt("endsOn", new CustomValue.Date(today)));
        List<ContractId> candidates = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            PageRequest current = request;
            Page<Contract> page = rules.command(sweeper,
                    cmd -> cmd.tx().contracts().query(cmd.tenant(), due, cmd.query(), current));
            page.items().forEach(c -> candidates.add(c.id()));
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        List<ContractId> expired = new ArrayList<>();
        for (ContractId id : candidates) {
            boolean done = rules.command(sweeper, cmd -> {
                Contract before = cmd.tx().contracts().find(cmd.tenant(), id).orElse(null);
                if (before == null || before.status() != ContractStatus.ACTIVE || before.endsOn() == null
                        || !before.endsOn().isBefore(cmd.today())) {
                    return false;
                }
                write(cmd, before, before.expire(cmd.now()), ACTION_EXPIRE, PERIOD_ENDED);
                return true;
            });
            if (done) {
                expired.add(id);
            }
        }
        return expired;
    }

    // ---- shared steps

    /** The contract, after checking the actor owns it or is a tenant admin. */
    private static Contract load(CommandContext cmd, ContractId id, String action) {
        Contract contract = cmd.tx().contracts().get(cmd.tenant(), id);
        SalesAccess.requireOwnerOrAdmin(cmd, contract.owner(), action, "contract " + id);
        return contract;
    }

    private static void requireNotFinal(Contract contract, String what) {
        if (contract.status().isFinal()) {
            throw new RuleViolationException(RULE_FINAL, null,
                    "contract " + contract.id() + " is " + contract.status() + "; you cannot " + what + " any more");
        }
    }

    private static RecordRef ref(Contract contract) {
        return SalesAccess.ref(RecordType.CONTRACT, contract.id());
    }

    /** Stores {@code changed} stamped now, logs the change from {@code before}, tells the owner. */
    private static Contract write(CommandContext cmd, Contract before, Contract changed, String action, String reason) {
        Contract stored = cmd.tx().contracts().update(changed.toBuilder().updatedAt(cmd.now()).build());
        ChangeLogEntry entry = cmd.log(ref(stored), null, action, before, stored, reason);
        if (!cmd.actorIs(stored.owner())) {
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("contract", stored.id().value());
            payload.put("number", stored.number());
            payload.put("actor", cmd.actor().userId().value());
            payload.put("status", stored.status().name());
            if (reason != null) {
                payload.put("reason", reason);
            }
            cmd.notify(Set.of(stored.owner()), action, ref(stored), payload,
                    action + ":" + stored.id().value() + ":" + Objects.requireNonNull(entry.id()).value());
        }
        return stored;
    }
}
