package io.crmkit.rules.sales;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.AutoCloseRule;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Competitor;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityContact;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.sales.StageId;
import io.crmkit.core.sales.StageMoves;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The opportunity commands (商机, DOMAIN.md §3): create, update, product lines, stage moves through the
 * tenant's sales process, close and reopen, contacts and competitors, and the sweep that applies the
 * tenant's automatic close rules.
 *
 * <p>Rules every command shares:
 * <ul>
 *   <li><b>Who:</b> creating needs an account the actor may work ({@code SalesAccess.workableAccount}:
 *       owner, read-write team member, pool admin, tenant admin); every other command needs the
 *       opportunity's owner or a tenant admin.</li>
 *   <li><b>Order of checks:</b> who, then input (every violation at once), then the opportunity's state;
 *       a refused command changes nothing and logs nothing.</li>
 *   <li><b>Closed and locked:</b> a closed opportunity refuses every change except {@link #reopen}
 *       (rule {@value #RULE_CLOSED}); a locked one refuses every change by a non-admin (rule
 *       {@value #RULE_LOCKED}).</li>
 *   <li><b>Stages</b> move only through the model ({@link Opportunity#advance}, {@link Opportunity#moveTo},
 *       {@link Opportunity#close}, {@link Opportunity#reopen}) with the tenant's process: its
 *       {@link io.crmkit.core.error.IllegalTransitionException} (machine {@value StageMoves#MACHINE}) and
 *       {@link ValidationException} ({@link ErrorCode#UNKNOWN_STAGE}, a lost reason not in the configured
 *       list) surface unchanged.</li>
 *   <li><b>Amounts</b> of opportunities with lines are always the lines' total from the core quote math
 *       (rule {@value #RULE_AMOUNT_FROM_LINES} refuses a caller's figure).</li>
 *   <li><b>Change log:</b> every write appends one entry with a stable action code ({@code ACTION_...})
 *       and the fields that changed; when the actor is not the owner, the owner is notified (type = the
 *       action code).</li>
 * </ul>
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm#opportunities()}; the constructor is internal.
 */
public final class OpportunityCommands {
    /** Change-log action of {@link #create}. */
    public static final String ACTION_CREATE = "opportunity.create";
    /** Change-log action of {@link #update}. */
    public static final String ACTION_UPDATE = "opportunity.update";
    /** Change-log action of {@link #setLines}. */
    public static final String ACTION_SET_LINES = "opportunity.set-lines";
    /** Change-log action of {@link #advance}. */
    public static final String ACTION_ADVANCE = "opportunity.advance";
    /** Change-log action of {@link #moveTo}. */
    public static final String ACTION_MOVE = "opportunity.move";
    /** Change-log action of {@link #close}; the entry's reason is the lost reason. */
    public static final String ACTION_CLOSE = "opportunity.close";
    /** Change-log action of {@link #reopen}. */
    public static final String ACTION_REOPEN = "opportunity.reopen";
    /** Change-log action of {@link #setContact}. */
    public static final String ACTION_SET_CONTACT = "opportunity.set-contact";
    /** Change-log action of {@link #removeContact}. */
    public static final String ACTION_REMOVE_CONTACT = "opportunity.remove-contact";
    /** Change-log action of {@link #addCompetitor}. */
    public static final String ACTION_ADD_COMPETITOR = "opportunity.add-competitor";
    /** Change-log action of {@link #removeCompetitor}. */
    public static final String ACTION_REMOVE_COMPETITOR = "opportunity.remove-competitor";
    /** Change-log action of a close by {@link #closeInactive}; the entry's reason is the rule id and its reason. */
    public static final String ACTION_AUTO_CLOSE = "opportunity.auto-close";

    /** The rule a change to a closed opportunity breaks. */
    public static final String RULE_CLOSED = "opportunity.closed";
    /** The rule a change to a locked opportunity by a non-admin breaks. */
    public static final String RULE_LOCKED = "opportunity.locked";
    /** The rule a caller's amount on an opportunity with lines breaks. */
    public static final String RULE_AMOUNT_FROM_LINES = "opportunity.amount-from-lines";

    /** Opportunities per page of a sweep query. */
    static final int PAGE = 500;

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public OpportunityCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    // ---------------------------------------------------------------- create, update, lines

    /**
     * Opens an opportunity on an account, at the first stage of its sales process (change-log entry
     * {@value #ACTION_CREATE} listing every field, the source lead included).
     *
     * <p>With lines, each is priced with the core quote math (catalogue list price unless given, sales
     * price or line discount, tenant's pricing policy) and the amount is subtotal × whole-order discount,
     * rounded once. The currency is the amount's, or the tenant's when only lines are given.
     *
     * @return the stored opportunity, version 1
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such account, source lead or
     *     sales process (record type {@code SalesProcess})
     * @throws io.crmkit.core.error.ForbiddenException when the actor may not work the account, or names
     *     another owner without being a tenant admin
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked} for such an
     *     account, {@value SalesMath#OFF_SHELF_RULE} for a line of an off-shelf product, or
     *     {@value #RULE_AMOUNT_FROM_LINES} for a non-zero amount that is not the lines' total
     * @throws ValidationException listing every problem: {@link ErrorCode#FIELD_REQUIRED} on {@code name},
     *     {@code accountId}, or {@code amount} when there are no lines; {@link ErrorCode#FIELD_OUT_OF_RANGE}
     *     on a too long name; {@link ErrorCode#FIELD_NEGATIVE} on a negative amount;
     *     {@link ErrorCode#FIELD_INVALID} on {@code wholeOrderDiscount} without lines; and per line (field
     *     {@code lines[i]...}) an unknown product, a price in another currency
     *     ({@link ErrorCode#CURRENCY_MISMATCH}) or too many decimal places
     */
    public Opportunity create(Actor actor, NewOpportunity input) {
        return rules.command(actor, cmd -> {
            if (input == null) {
                throw ValidationException.of("opportunity", ErrorCode.FIELD_REQUIRED);
            }
            if (input.accountId() == null) {
                throw ValidationException.of("accountId", ErrorCode.FIELD_REQUIRED);
            }
            Account account = SalesAccess.workableAccount(cmd, input.accountId(), ACTION_CREATE);
            UserId owner = input.owner() == null ? cmd.actor().userId() : input.owner();
            if (!cmd.actorIs(owner) && !cmd.actorIsAdmin()) {
                throw cmd.forbidden(ACTION_CREATE, "only a tenant admin may open an opportunity for another owner");
            }
            List<Violation> violations = new ArrayList<>(CrmValidation.violations(input));
            if (input.lines().isEmpty() && input.amount() == null) {
                violations.add(Violation.of("amount", ErrorCode.FIELD_REQUIRED));
            }
            if (input.lines().isEmpty() && !input.wholeOrderDiscount().isNone()) {
                violations.add(Violation.of("wholeOrderDiscount", ErrorCode.FIELD_INVALID,
                        "a whole-order discount applies to product lines; this opportunity has none"));
            }
            throwIfAny(violations);
            if (input.sourceLeadId() != null) {
                cmd.tx().leads().get(cmd.tenant(), input.sourceLeadId());
            }
            SalesProcess process = input.salesProcessId() == null
                    ? cmd.settings().sales().defaultProcess()
                    : SalesAccess.process(cmd, input.salesProcessId());
            Currency currency = input.amount() != null ? input.amount().currency() : cmd.settings().currency();
            List<SalesLine> lines = SalesMath.price(cmd, currency, input.lines(), 1, "lines", true);
            Money amount = lines.isEmpty() ? input.amount()
                    : linesTotal(cmd, currency, lines, input.wholeOrderDiscount(), input.amount());
            Opportunity draft = Opportunity.builder()
                    .id(cmd.tx().opportunities().nextId())
                    .tenantId(cmd.tenant())
                    .name(input.name())
                    .accountId(account.id())
                    .expectedCloseDate(input.expectedCloseDate())
                    .amount(amount)
                    .salesProcessId(process.id())
                    .stage(StageMoves.start(process))
                    .sourceLeadId(input.sourceLeadId())
                    .lines(lines)
                    .wholeOrderDiscount(input.wholeOrderDiscount())
                    .owner(owner)
                    .customFields(input.custom())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now())
                    .build();
            throwIfAny(CrmValidation.violations(draft));
            Opportunity stored = cmd.tx().opportunities().insert(draft);
            // The change log accepts only pools as context (ChangeLogEntry), so the source lead is linked
            // through the opportunity's sourceLeadId field, which the entry lists, not as the entry's context.
            ChangeLogEntry entry = cmd.log(ref(stored.id()), null, ACTION_CREATE, null, stored, null);
            tellOwner(cmd, stored, ACTION_CREATE, null, entry);
            return stored;
        });
    }

    /**
     * Changes the name, expected close date, amount or custom fields (change-log entry
     * {@value #ACTION_UPDATE} with the fields that changed). An update that changes nothing writes and
     * logs nothing.
     *
     * @return the opportunity as stored afterwards
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException listing every problem: {@link ErrorCode#FIELD_REQUIRED} on {@code name}
     *     for a blank name, {@link ErrorCode#FIELD_OUT_OF_RANGE} for a too long one,
     *     {@link ErrorCode#FIELD_NEGATIVE} on a negative amount
     * @throws RuleViolationException with rule {@value #RULE_CLOSED}, {@value #RULE_LOCKED}, or
     *     {@value #RULE_AMOUNT_FROM_LINES} for an amount while the opportunity has lines
     */
    public Opportunity update(Actor actor, OpportunityId id, OpportunityUpdate update) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_UPDATE);
            if (update == null) {
                throw ValidationException.of("update", ErrorCode.FIELD_REQUIRED);
            }
            throwIfAny(CrmValidation.violations(update));
            requireChangeable(cmd, before, ACTION_UPDATE);
            if (update.amount() != null && !before.lines().isEmpty()) {
                throw new RuleViolationException(RULE_AMOUNT_FROM_LINES, null, "opportunity " + id
                        + " has product lines; its amount is their total. Change the lines instead");
            }
            Opportunity after = update.applyTo(before);
            throwIfAny(CrmValidation.violations(after));
            if (after.equals(before)) {
                return before;
            }
            return write(cmd, before, after, ACTION_UPDATE, null);
        });
    }

    /**
     * Replaces the product lines and the whole-order discount; the amount becomes the new total
     * (subtotal × discount, rounded once), in the opportunity's currency (change-log entry
     * {@value #ACTION_SET_LINES}). No lines makes the amount zero, and the amount editable again.
     *
     * @param lines the new lines, numbered from 1 in this order; a product new to the opportunity must be
     *     on shelf, one already on it may stay after it left the shelf
     * @param wholeOrderDiscount the new whole-order discount; null means none
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code lines} when missing, and
     *     per line (field {@code lines[i]...}) an unknown product, a price in another currency than the
     *     opportunity's ({@link ErrorCode#CURRENCY_MISMATCH}), a too long note or too many decimal places
     * @throws RuleViolationException with rule {@value #RULE_CLOSED}, {@value #RULE_LOCKED} or
     *     {@value SalesMath#OFF_SHELF_RULE}
     */
    public Opportunity setLines(Actor actor, OpportunityId id, List<LineInput> lines, Discount wholeOrderDiscount) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_SET_LINES);
            if (lines == null) {
                throw ValidationException.of("lines", ErrorCode.FIELD_REQUIRED);
            }
            List<Violation> violations = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) != null) {
                    violations.addAll(prefixed("lines[" + i + "].", CrmValidation.violations(lines.get(i))));
                }
            }
            throwIfAny(violations);
            requireChangeable(cmd, before, ACTION_SET_LINES);
            Discount discount = wholeOrderDiscount == null ? Discount.NONE : wholeOrderDiscount;
            List<SalesLine> priced = SalesMath.price(cmd, before.currency(), lines, 1, "lines", false);
            SalesMath.requireOnShelf(cmd, priced, "lines", SalesMath.productsOf(before.lines()), "an opportunity");
            Money amount = SalesMath.breakdown(cmd, before.currency(), priced, discount).total();
            Opportunity after = before.toBuilder().lines(priced).wholeOrderDiscount(discount).amount(amount).build();
            return write(cmd, before, after, ACTION_SET_LINES, null);
        });
    }

    // ---------------------------------------------------------------- stages

    /**
     * Moves the opportunity one stage forward in its process (change-log entry {@value #ACTION_ADVANCE}).
     *
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity, or no longer
     *     has its sales process
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws RuleViolationException with rule {@value #RULE_CLOSED} or {@value #RULE_LOCKED}
     * @throws io.crmkit.core.error.IllegalTransitionException at the last open stage (close it instead)
     * @throws ValidationException with {@link ErrorCode#UNKNOWN_STAGE} when its stage is no longer in the process
     */
    public Opportunity advance(Actor actor, OpportunityId id) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_ADVANCE);
            requireChangeable(cmd, before, ACTION_ADVANCE);
            Opportunity after = before.advance(SalesAccess.process(cmd, before.salesProcessId()), cmd.now());
            return write(cmd, before, after, ACTION_ADVANCE, null);
        });
    }

    /**
     * Moves the opportunity to {@code stage}: forward always, back only where the process allows rollback
     * (change-log entry {@value #ACTION_MOVE}).
     *
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity, or no longer
     *     has its sales process
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code stageId} when missing,
     *     {@link ErrorCode#UNKNOWN_STAGE} when the process has no such stage
     * @throws RuleViolationException with rule {@value #RULE_CLOSED} or {@value #RULE_LOCKED}
     * @throws io.crmkit.core.error.IllegalTransitionException to the current stage, or back without
     *     rollback allowed
     */
    public Opportunity moveTo(Actor actor, OpportunityId id, StageId stage) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_MOVE);
            Checks.required("stageId", stage);
            requireChangeable(cmd, before, ACTION_MOVE);
            Opportunity after = before.moveTo(SalesAccess.process(cmd, before.salesProcessId()), stage, cmd.now());
            return write(cmd, before, after, ACTION_MOVE, null);
        });
    }

    /**
     * Closes the opportunity as WON, LOST or INVALID (change-log entry {@value #ACTION_CLOSE} whose reason
     * is the lost reason). LOST takes a reason: one of the process's configured lost reasons when it has
     * any, otherwise optional free text; WON and INVALID take none.
     *
     * @param reason the lost reason, or null
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity, or no longer
     *     has its sales process
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code result}, or on
     *     {@code lostReason} when the process requires one; {@link ErrorCode#FIELD_INVALID} on
     *     {@code lostReason} for a reason not configured or given with WON or INVALID
     * @throws RuleViolationException with rule {@value #RULE_CLOSED} or {@value #RULE_LOCKED}
     */
    public Opportunity close(Actor actor, OpportunityId id, CloseResult result, String reason) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_CLOSE);
            Checks.required("result", result);
            requireChangeable(cmd, before, ACTION_CLOSE);
            Opportunity after = before.close(SalesAccess.process(cmd, before.salesProcessId()), result, reason,
                    cmd.now());
            return write(cmd, before, after, ACTION_CLOSE, after.lostReason());
        });
    }

    /**
     * Reopens a closed opportunity at {@code stage}, where the process allows reopening; the close time
     * and lost reason are cleared (change-log entry {@value #ACTION_REOPEN}).
     *
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity, or no longer
     *     has its sales process
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code stageId},
     *     {@link ErrorCode#UNKNOWN_STAGE} when the process has no such stage
     * @throws RuleViolationException with rule {@value #RULE_LOCKED}
     * @throws io.crmkit.core.error.IllegalTransitionException when the opportunity is open, or the process
     *     does not allow reopening
     */
    public Opportunity reopen(Actor actor, OpportunityId id, StageId stage) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_REOPEN);
            Checks.required("stageId", stage);
            requireUnlocked(cmd, before, ACTION_REOPEN);
            Opportunity after = before.reopen(SalesAccess.process(cmd, before.salesProcessId()), stage, cmd.now());
            return write(cmd, before, after, ACTION_REOPEN, null);
        });
    }

    // ---------------------------------------------------------------- contacts and competitors

    /**
     * Adds a contact to the opportunity, or replaces the entry of the same contact in place (change-log
     * entry {@value #ACTION_SET_CONTACT}). Making the contact primary makes every other contact not primary.
     *
     * @param contact the contact with role, stance, status, relationship and whether primary; the contact
     *     must exist, be out of the recycle bin and belong to the opportunity's account
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code contact} when missing,
     *     {@link ErrorCode#FIELD_OUT_OF_RANGE} on {@code contact.role} when too long,
     *     {@link ErrorCode#FIELD_INVALID} on {@code contact.contactId} for a contact that does not exist, is
     *     voided or belongs to another account
     * @throws RuleViolationException with rule {@value #RULE_CLOSED} or {@value #RULE_LOCKED}
     */
    public Opportunity setContact(Actor actor, OpportunityId id, OpportunityContact contact) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_SET_CONTACT);
            if (contact == null) {
                throw ValidationException.of("contact", ErrorCode.FIELD_REQUIRED);
            }
            throwIfAny(prefixed("contact.", CrmValidation.violations(contact)));
            Contact found = cmd.tx().contacts().find(cmd.tenant(), contact.contactId()).orElse(null);
            if (found == null || found.voided() || !before.accountId().equals(found.accountId())) {
                throw ValidationException.of("contact.contactId", ErrorCode.FIELD_INVALID,
                        "contact " + contact.contactId() + " is not a contact of account " + before.accountId());
            }
            requireChangeable(cmd, before, ACTION_SET_CONTACT);
            List<OpportunityContact> contacts = new ArrayList<>();
            boolean replaced = false;
            for (OpportunityContact existing : before.contacts()) {
                if (existing.contactId().equals(contact.contactId())) {
                    contacts.add(contact);
                    replaced = true;
                } else {
                    contacts.add(contact.primary() ? existing.withPrimary(false) : existing);
                }
            }
            if (!replaced) {
                contacts.add(contact);
            }
            return write(cmd, before, before.toBuilder().contacts(contacts).build(), ACTION_SET_CONTACT, null);
        });
    }

    /**
     * Removes a contact from the opportunity (change-log entry {@value #ACTION_REMOVE_CONTACT}).
     *
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code contactId} when missing,
     *     {@link ErrorCode#FIELD_INVALID} when the opportunity does not list that contact
     * @throws RuleViolationException with rule {@value #RULE_CLOSED} or {@value #RULE_LOCKED}
     */
    public Opportunity removeContact(Actor actor, OpportunityId id, ContactId contactId) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_REMOVE_CONTACT);
            Checks.required("contactId", contactId);
            List<OpportunityContact> contacts = before.contacts().stream()
                    .filter(c -> !c.contactId().equals(contactId)).toList();
            if (contacts.size() == before.contacts().size()) {
                throw ValidationException.of("contactId", ErrorCode.FIELD_INVALID,
                        "opportunity " + id + " does not list contact " + contactId);
            }
            requireChangeable(cmd, before, ACTION_REMOVE_CONTACT);
            return write(cmd, before, before.toBuilder().contacts(contacts).build(), ACTION_REMOVE_CONTACT, null);
        });
    }

    /**
     * Adds a competitor (change-log entry {@value #ACTION_ADD_COMPETITOR}). Names are unique per
     * opportunity, compared without regard to case.
     *
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException listing every problem: {@link ErrorCode#FIELD_REQUIRED} on
     *     {@code competitor} or {@code competitor.name}, {@link ErrorCode#FIELD_OUT_OF_RANGE} for a too long
     *     text, {@link ErrorCode#FIELD_INVALID} on {@code competitor.name} for a name already listed
     * @throws RuleViolationException with rule {@value #RULE_CLOSED} or {@value #RULE_LOCKED}
     */
    public Opportunity addCompetitor(Actor actor, OpportunityId id, Competitor competitor) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_ADD_COMPETITOR);
            if (competitor == null) {
                throw ValidationException.of("competitor", ErrorCode.FIELD_REQUIRED);
            }
            throwIfAny(prefixed("competitor.", CrmValidation.violations(competitor)));
            if (findCompetitor(before, competitor.name()) >= 0) {
                throw ValidationException.of("competitor.name", ErrorCode.FIELD_INVALID,
                        "opportunity " + id + " already lists competitor " + competitor.name());
            }
            requireChangeable(cmd, before, ACTION_ADD_COMPETITOR);
            List<Competitor> competitors = new ArrayList<>(before.competitors());
            competitors.add(competitor);
            return write(cmd, before, before.toBuilder().competitors(competitors).build(), ACTION_ADD_COMPETITOR,
                    null);
        });
    }

    /**
     * Removes the competitor called {@code name}, compared without regard to case (change-log entry
     * {@value #ACTION_REMOVE_COMPETITOR}).
     *
     * @return the stored opportunity
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such opportunity
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns it or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code name} when blank,
     *     {@link ErrorCode#FIELD_INVALID} when no competitor has that name
     * @throws RuleViolationException with rule {@value #RULE_CLOSED} or {@value #RULE_LOCKED}
     */
    public Opportunity removeCompetitor(Actor actor, OpportunityId id, String name) {
        Checks.required("opportunityId", id);
        return rules.command(actor, cmd -> {
            Opportunity before = load(cmd, id, ACTION_REMOVE_COMPETITOR);
            String wanted = Checks.text("name", name, Competitor.MAX_NAME);
            int index = findCompetitor(before, wanted);
            if (index < 0) {
                throw ValidationException.of("name", ErrorCode.FIELD_INVALID,
                        "opportunity " + id + " lists no competitor " + wanted);
            }
            requireChangeable(cmd, before, ACTION_REMOVE_COMPETITOR);
            List<Competitor> competitors = new ArrayList<>(before.competitors());
            competitors.remove(index);
            return write(cmd, before, before.toBuilder().competitors(competitors).build(), ACTION_REMOVE_COMPETITOR,
                    null);
        });
    }

    // ---------------------------------------------------------------- automatic close rules

    /**
     * Applies the tenant's automatic close rules ({@code settings.sales().autoCloseRules()}) once, at the
     * clock's instant: each rule closes the open opportunities of its process, at a stage it watches
     * (matched by {@link StageId}, never by display name), whose latest activity (the later of the last
     * follow-up and the last change) lies {@code inactiveDays} or more calendar days before today in the
     * tenant's zone.
     *
     * <p>The candidates are found with a store query on columns every store has ({@code salesProcessId},
     * {@code closedAt}, {@code updatedAt}, {@code lastFollowUpAt}), paged by key; the stage filter runs in
     * code. Each opportunity is closed in its own transaction, after re-reading it: one that was closed
     * meanwhile (a deal won between the query and the close stays WON) or became active again is skipped.
     * A closed opportunity is never touched. Each close goes through the model
     * ({@link Opportunity#close}) and logs {@value #ACTION_AUTO_CLOSE} with reason
     * {@code <rule id>: <rule reason>}; the owner is notified.
     *
     * <p>An opportunity that cannot be closed (say, its process's lost reasons changed so the rule's
     * reason no longer fits) is left as it was and reported in {@link AutoCloseResult#problems()}; the
     * run goes on. Running it again closes nothing more.
     *
     * @param sweeper the actor the change log records; must carry the tenant admin role
     * @return what the run examined, closed and could not close
     * @throws io.crmkit.core.error.ForbiddenException unless the sweeper is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} when the sweeper is missing
     */
    public AutoCloseResult closeInactive(Actor sweeper) {
        record Plan(AutoCloseRule rule, Instant cutoff) {}
        List<Plan> plans = rules.command(sweeper, cmd -> {
            if (!cmd.actorIsAdmin()) {
                throw cmd.forbidden(ACTION_AUTO_CLOSE, "only a tenant admin (the host's sweeper) applies the "
                        + "automatic close rules");
            }
            List<Plan> found = new ArrayList<>();
            for (AutoCloseRule rule : cmd.settings().sales().autoCloseRules()) {
                found.add(new Plan(rule, cmd.settings().startOf(cmd.today().minusDays(rule.inactiveDays() - 1L))));
            }
            return found;
        });
        Set<OpportunityId> examined = new LinkedHashSet<>();
        List<AutoCloseResult.Closed> closed = new ArrayList<>();
        List<AutoCloseResult.Problem> problems = new ArrayList<>();
        for (Plan plan : plans) {
            AutoCloseRule rule = plan.rule();
            Condition inactive = inactiveCondition(rule, plan.cutoff());
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                PageRequest current = request;
                Page<Opportunity> page = rules.command(sweeper, cmd ->
                        cmd.tx().opportunities().query(cmd.tenant(), inactive, cmd.query(), current));
                for (Opportunity seen : page.items()) {
                    examined.add(seen.id());
                    if (!rule.watches(seen.salesProcessId(), seen.stage())) {
                        continue;
                    }
                    try {
                        Opportunity done = autoClose(sweeper, rule, plan.cutoff(), seen.id());
                        if (done != null) {
                            closed.add(new AutoCloseResult.Closed(done.id(), rule.id(), rule.result()));
                        }
                    } catch (CrmException e) {
                        problems.add(new AutoCloseResult.Problem(seen.id(), rule.id(), e.code().code(), e.getMessage()));
                    }
                }
                if (!page.hasNext()) {
                    break;
                }
                request = request.next(page);
            }
        }
        return new AutoCloseResult(examined.size(), closed, problems);
    }

    /**
     * The store query of a rule: open opportunities of its process whose last change and last follow-up
     * (if any) are both before {@code cutoff}. The stage is not a column; it is filtered in code.
     */
    static Condition inactiveCondition(AutoCloseRule rule, Instant cutoff) {
        CustomValue.Timestamp before = new CustomValue.Timestamp(cutoff);
        return Condition.all(
                Condition.eq("salesProcessId", new CustomValue.Text(rule.salesProcessId().value())),
                Condition.isNull("closedAt"),
                Condition.lt("updatedAt", before),
                Condition.any(Condition.isNull("lastFollowUpAt"), Condition.lt("lastFollowUpAt", before)));
    }

    /** Closes one opportunity by {@code rule} in its own transaction; null when it no longer qualifies. */
    private Opportunity autoClose(Actor sweeper, AutoCloseRule rule, Instant cutoff, OpportunityId id) {
        return rules.command(sweeper, cmd -> {
            Opportunity before = cmd.tx().opportunities().find(cmd.tenant(), id).orElse(null);
            if (before == null || before.isClosed() || !rule.watches(before.salesProcessId(), before.stage())
                    || !before.updatedAt().isBefore(cutoff)
                    || (before.lastFollowUpAt() != null && !before.lastFollowUpAt().isBefore(cutoff))) {
                return null;
            }
            SalesProcess process = SalesAccess.process(cmd, before.salesProcessId());
            Opportunity after = before.close(process, rule.result(), rule.reason(), cmd.now());
            String reason = rule.reason() == null ? rule.id() : rule.id() + ": " + rule.reason();
            return write(cmd, before, after, ACTION_AUTO_CLOSE, reason);
        });
    }

    // ---------------------------------------------------------------- shared

    /** The opportunity, after checking the actor owns it or is a tenant admin. */
    private static Opportunity load(CommandContext cmd, OpportunityId id, String action) {
        Opportunity opportunity = cmd.tx().opportunities().get(cmd.tenant(), id);
        SalesAccess.requireOwnerOrAdmin(cmd, opportunity.owner(), action, "opportunity " + id);
        return opportunity;
    }

    /** Refuses a change to a closed opportunity, or to a locked one by a non-admin. */
    private static void requireChangeable(CommandContext cmd, Opportunity opportunity, String action) {
        if (opportunity.isClosed()) {
            throw new RuleViolationException(RULE_CLOSED, null, "opportunity " + opportunity.id() + " is closed ("
                    + opportunity.stage() + "); reopen it before " + action);
        }
        requireUnlocked(cmd, opportunity, action);
    }

    private static void requireUnlocked(CommandContext cmd, Opportunity opportunity, String action) {
        if (opportunity.locked() && !cmd.actorIsAdmin()) {
            throw new RuleViolationException(RULE_LOCKED, null, "opportunity " + opportunity.id()
                    + " is locked; only a tenant admin may " + action);
        }
    }

    /** The lines' total; a caller's amount must be zero (currency only) or that total. */
    private static Money linesTotal(CommandContext cmd, Currency currency, List<SalesLine> lines, Discount discount,
            Money given) {
        Money total = SalesMath.breakdown(cmd, currency, lines, discount).total();
        if (given != null && !given.isZero() && given.compareTo(total) != 0) {
            throw new RuleViolationException(RULE_AMOUNT_FROM_LINES, total, "the amount of an opportunity with "
                    + "product lines is their total, " + total + ", not " + given + "; give no amount or zero");
        }
        return total;
    }

    private static int findCompetitor(Opportunity opportunity, String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < opportunity.competitors().size(); i++) {
            if (opportunity.competitors().get(i).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Stores {@code changed} stamped now, logs the change from {@code before}, tells the owner. */
    private static Opportunity write(CommandContext cmd, Opportunity before, Opportunity changed, String action,
            String reason) {
        Opportunity stored = cmd.tx().opportunities().update(changed.toBuilder().updatedAt(cmd.now()).build());
        ChangeLogEntry entry = cmd.log(ref(stored.id()), null, action, before, stored, reason);
        tellOwner(cmd, stored, action, reason, entry);
        return stored;
    }

    /** Notifies the owner when someone else acted on their opportunity. */
    private static void tellOwner(CommandContext cmd, Opportunity stored, String action, String reason,
            ChangeLogEntry entry) {
        if (cmd.actorIs(stored.owner())) {
            return;
        }
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("opportunity", stored.id().value());
        payload.put("actor", cmd.actor().userId().value());
        payload.put("stage", stored.stage().toString());
        if (reason != null) {
            payload.put("reason", reason);
        }
        cmd.notify(Set.of(stored.owner()), action, ref(stored.id()), payload,
                action + ":" + stored.id().value() + ":" + entry.id().value());
    }

    private static List<Violation> prefixed(String prefix, List<Violation> violations) {
        return violations.stream().map(v -> {
            List<Object> args = new ArrayList<>(v.arguments());
            if (!args.isEmpty() && v.field().equals(args.get(0))) {
                args.set(0, prefix + v.field());
            }
            return new Violation(prefix + v.field(), v.code(), v.messageKey(), args);
        }).toList();
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static RecordRef ref(OpportunityId id) {
        return SalesAccess.ref(RecordType.OPPORTUNITY, id);
    }
}
