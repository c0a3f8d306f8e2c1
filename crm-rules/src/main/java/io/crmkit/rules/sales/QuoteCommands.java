package io.crmkit.rules.sales;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.PriceBreakdown;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.QuoteStatus;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quote commands (报价单, DOMAIN.md §3): create a quote, change its lines, validity and title while
 * it is a draft, move it through its life cycle (send, accept, reject, expire), reuse the lines of an
 * earlier quote of the same account, list an account's quotes, and expire the quotes whose validity
 * has passed.
 *
 * <p>Every figure of a quote comes from the core math ({@link io.crmkit.core.money.Pricing}): the
 * caller gives products, quantities, prices or discounts and the whole-order discount; line amounts,
 * subtotal and total are always computed here, never taken from the caller.
 *
 * <p>Rules every command shares:
 * <ul>
 *   <li><b>Who:</b> creating a quote needs the right to work the account (its owner, a read-write team
 *       member, an admin of its public pool, or a tenant admin; the account must be out of the recycle
 *       bin and unlocked); changing a quote needs its owner or a tenant admin; reading an account's
 *       quotes needs the right to see the account.</li>
 *   <li><b>Refuse before writing:</b> authorisation, input, state and business rules are all checked
 *       before anything is written, so a refused command changes nothing.</li>
 *   <li><b>Change log:</b> every write appends an entry on the quote with a stable action code
 *       ({@code ACTION_...}).</li>
 * </ul>
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm#quotes()}; the constructor is internal.
 */
public final class QuoteCommands {
    private static final Logger LOG = LoggerFactory.getLogger(QuoteCommands.class);

    /** Change-log action of {@link #create}. */
    public static final String ACTION_CREATE = "quote.create";
    /** Change-log action of {@link #setLines}. */
    public static final String ACTION_SET_LINES = "quote.set-lines";
    /** Change-log action of {@link #setValidUntil}. */
    public static final String ACTION_SET_VALID_UNTIL = "quote.set-valid-until";
    /** Change-log action of {@link #rename}. */
    public static final String ACTION_RENAME = "quote.rename";
    /** Change-log action of {@link #send}. */
    public static final String ACTION_SEND = "quote.send";
    /** Change-log action of {@link #accept}. */
    public static final String ACTION_ACCEPT = "quote.accept";
    /** Change-log action of {@link #reject}. */
    public static final String ACTION_REJECT = "quote.reject";
    /** Change-log action of {@link #expire} and {@link #expireDue}. */
    public static final String ACTION_EXPIRE = "quote.expire";
    /** Change-log action of {@link #reuse}. */
    public static final String ACTION_REUSE = "quote.reuse";
    /** The action {@link #history} is authorised as. */
    public static final String ACTION_HISTORY = "quote.history";

    /** The rule broken by changing the lines, validity or title of a quote that is no longer a draft. */
    public static final String RULE_NOT_DRAFT = "quote.not-draft";
    /** The rule broken by accepting a quote after its last valid day. */
    public static final String RULE_VALIDITY_PASSED = "quote.validity-passed";
    /** The rule broken by reusing into a quote that has lines without saying replace or append. */
    public static final String RULE_REUSE_MODE_REQUIRED = "quote.reuse-mode-required";
    /** The rule broken by reusing a quote of another account. */
    public static final String RULE_REUSE_OTHER_ACCOUNT = "quote.reuse-other-account";
    /** The rule broken by linking a new quote to an opportunity closed as LOST or INVALID. */
    public static final String RULE_OPPORTUNITY_CLOSED = "opportunity.closed";
    /** The rule broken by an off-shelf product on a new quote line (the same as the catalogue's). */
    public static final String RULE_OFF_SHELF = SalesMath.OFF_SHELF_RULE;

    /** Longest reason for rejecting a quote (the change log's limit). */
    public static final int MAX_REASON = 2000;

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public QuoteCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Creates a DRAFT quote owned by the actor (change-log entry {@value #ACTION_CREATE}). The lines are
     * priced from the catalogue and the caller's quantities, prices and discounts; subtotal and total
     * are computed with the tenant's pricing policy.
     *
     * @param input the account, optional opportunity, title, currency, lines, whole-order discount and validity
     * @return the stored quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may work the account
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked}; with rule
     *     {@value #RULE_OPPORTUNITY_CLOSED} for an opportunity closed as LOST or INVALID; with rule
     *     {@value #RULE_OFF_SHELF} for a product that is off shelf
     * @throws ValidationException listing the input's violations: a missing or too long title
     *     ({@link ErrorCode#FIELD_REQUIRED}, {@link ErrorCode#FIELD_OUT_OF_RANGE}); an opportunity that does
     *     not exist or belongs to another account ({@link ErrorCode#FIELD_INVALID} on {@code opportunityId});
     *     a currency other than the opportunity's ({@link ErrorCode#CURRENCY_MISMATCH} on {@code currency});
     *     a validity before today ({@link ErrorCode#FIELD_INVALID} on {@code validUntil}); bad lines as
     *     {@link LineInput} and the pricing say (on {@code lines[i]...})
     */
    public Quote create(Actor actor, NewQuote input) {
        Checks.required("input", input);
        Checks.required("accountId", input.accountId());
        return rules.command(actor, cmd -> {
            Account account = SalesAccess.workableAccount(cmd, input.accountId(), ACTION_CREATE);
            CrmValidation.validate(input);
            Opportunity opportunity = input.opportunityId() == null ? null
                    : openOpportunityOf(cmd, input.opportunityId(), account.id(), "opportunityId");
            Currency currency = input.currency() != null ? input.currency()
                    : opportunity != null ? opportunity.currency() : cmd.settings().currency();
            if (opportunity != null && !currency.equals(opportunity.currency())) {
                throw ValidationException.of("currency", ErrorCode.CURRENCY_MISMATCH,
                        opportunity.currency().getCurrencyCode(), currency.getCurrencyCode());
            }
            requireValidUntil(cmd, input.validUntil());
            List<SalesLine> lines = SalesMath.price(cmd, currency, input.lines(), 1, "lines", true);
            Quote.Builder draft = Quote.builder()
                    .id(cmd.tx().quotes().nextId())
                    .tenantId(cmd.tenant())
                    .accountId(account.id())
                    .opportunityId(input.opportunityId())
                    .title(input.title())
                    .currency(currency)
                    .validUntil(input.validUntil())
                    .status(QuoteStatus.DRAFT)
                    .owner(cmd.actor().userId())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now());
            Quote quote = priced(cmd, draft, currency, lines, input.wholeOrderDiscount());
            Quote stored = cmd.tx().quotes().insert(quote);
            cmd.log(ref(stored.id()), null, ACTION_CREATE, null, stored, null);
            return stored;
        });
    }

    /**
     * Replaces the lines and the whole-order discount of a DRAFT quote, recomputing its figures (change-log
     * entry {@value #ACTION_SET_LINES}). An off-shelf product is refused unless the quote already has a line
     * for it (taking a product off shelf does not force the lines already offered off the draft).
     *
     * @param lines the new lines, numbered from 1 in the given order; {@code null} means none
     * @param wholeOrderDiscount the new whole-order discount, or {@code null} to keep the quote's
     * @return the changed quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the quote or is a tenant admin
     * @throws RuleViolationException with rule {@value #RULE_NOT_DRAFT} unless the quote is DRAFT, or
     *     {@value #RULE_OFF_SHELF} for a new off-shelf product
     * @throws ValidationException for bad lines, as {@link #create}
     */
    public Quote setLines(Actor actor, QuoteId quote, List<LineInput> lines, Discount wholeOrderDiscount) {
        Checks.required("quote", quote);
        List<LineInput> inputs = lines == null ? List.of() : new ArrayList<>(lines);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, quote, ACTION_SET_LINES);
            List<SalesLine> priced = SalesMath.price(cmd, before.currency(), inputs, 1, "lines", false);
            SalesMath.requireOnShelf(cmd, priced, "lines", SalesMath.productsOf(before.lines()), "a quote");
            requireDraft(before, ACTION_SET_LINES);
            Discount discount = wholeOrderDiscount != null ? wholeOrderDiscount : before.wholeOrderDiscount();
            Quote changed = priced(cmd, before.toBuilder(), before.currency(), priced, discount);
            return write(cmd, before, changed, ACTION_SET_LINES, null);
        });
    }

    /**
     * Sets the last day a DRAFT quote's offer holds (change-log entry {@value #ACTION_SET_VALID_UNTIL}).
     *
     * @param validUntil the last valid day, not before today in the tenant's zone, or {@code null} for open-ended
     * @return the changed quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the quote or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code validUntil} for a past day
     * @throws RuleViolationException with rule {@value #RULE_NOT_DRAFT} unless the quote is DRAFT
     */
    public Quote setValidUntil(Actor actor, QuoteId quote, LocalDate validUntil) {
        Checks.required("quote", quote);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, quote, ACTION_SET_VALID_UNTIL);
            requireValidUntil(cmd, validUntil);
            requireDraft(before, ACTION_SET_VALID_UNTIL);
            return write(cmd, before, before.toBuilder().validUntil(validUntil).build(), ACTION_SET_VALID_UNTIL, null);
        });
    }

    /**
     * Renames a DRAFT quote (change-log entry {@value #ACTION_RENAME}).
     *
     * @param title the new title, 1 to {@value Quote#MAX_TITLE} characters (stripped)
     * @return the changed quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the quote or is a tenant admin
     * @throws ValidationException on {@code title} when missing ({@link ErrorCode#FIELD_REQUIRED}) or too
     *     long ({@link ErrorCode#FIELD_TOO_LONG})
     * @throws RuleViolationException with rule {@value #RULE_NOT_DRAFT} unless the quote is DRAFT
     */
    public Quote rename(Actor actor, QuoteId quote, String title) {
        Checks.required("quote", quote);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, quote, ACTION_RENAME);
            String checked = Checks.text("title", title, Quote.MAX_TITLE);
            requireDraft(before, ACTION_RENAME);
            return write(cmd, before, before.toBuilder().title(checked).build(), ACTION_RENAME, null);
        });
    }

    /**
     * Sends a DRAFT quote to the customer (DRAFT → SENT, change-log entry {@value #ACTION_SEND}).
     *
     * @return the sent quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the quote or is a tenant admin
     * @throws IllegalTransitionException (machine {@value QuoteStatus#MACHINE}) unless DRAFT
     */
    public Quote send(Actor actor, QuoteId quote) {
        Checks.required("quote", quote);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, quote, ACTION_SEND);
            return write(cmd, before, before.send(cmd.now()), ACTION_SEND, null);
        });
    }

    /**
     * Records that the customer accepted a SENT quote (SENT → ACCEPTED, change-log entry
     * {@value #ACTION_ACCEPT}). A quote whose last valid day is before today (tenant's zone) can no
     * longer be accepted.
     *
     * @return the accepted quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the quote or is a tenant admin
     * @throws IllegalTransitionException (machine {@value QuoteStatus#MACHINE}) unless SENT
     * @throws RuleViolationException with rule {@value #RULE_VALIDITY_PASSED} (limit: the last valid
     *     day) when the validity has passed
     */
    public Quote accept(Actor actor, QuoteId quote) {
        Checks.required("quote", quote);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, quote, ACTION_ACCEPT);
            Quote accepted = before.accept(cmd.now());
            if (before.validUntil() != null && before.validUntil().isBefore(cmd.today())) {
                throw new RuleViolationException(RULE_VALIDITY_PASSED, before.validUntil(),
                        "quote " + before.id() + " was valid until " + before.validUntil() + "; today is "
                                + cmd.today() + ", so it can no longer be accepted");
            }
            return write(cmd, before, accepted, ACTION_ACCEPT, null);
        });
    }

    /**
     * Records that the customer rejected a SENT quote (SENT → REJECTED, change-log entry
     * {@value #ACTION_REJECT}, with the reason).
     *
     * @param reason why, at most {@value #MAX_REASON} characters, or {@code null}
     * @return the rejected quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the quote or is a tenant admin
     * @throws ValidationException on {@code reason} when too long
     * @throws IllegalTransitionException (machine {@value QuoteStatus#MACHINE}) unless SENT
     */
    public Quote reject(Actor actor, QuoteId quote, String reason) {
        Checks.required("quote", quote);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, quote, ACTION_REJECT);
            String checked = Checks.optionalText("reason", reason, MAX_REASON);
            return write(cmd, before, before.reject(cmd.now()), ACTION_REJECT, checked);
        });
    }

    /**
     * Expires a DRAFT or SENT quote by hand (→ EXPIRED, change-log entry {@value #ACTION_EXPIRE}).
     *
     * @return the expired quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the quote or is a tenant admin
     * @throws IllegalTransitionException (machine {@value QuoteStatus#MACHINE}) unless DRAFT or SENT
     */
    public Quote expire(Actor actor, QuoteId quote) {
        Checks.required("quote", quote);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, quote, ACTION_EXPIRE);
            return write(cmd, before, before.expire(cmd.now()), ACTION_EXPIRE, null);
        });
    }

    /**
     * Reuses the lines of an earlier quote of the same account in a DRAFT quote (change-log entry
     * {@value #ACTION_REUSE} on the target, its reason naming the source and the mode). With
     * {@link ReuseMode#REPLACE} the target's lines become copies of the source's, with their numbers;
     * with {@link ReuseMode#APPEND} the copies are added after the target's lines, renumbered from the
     * target's next line number. The copies keep their quantities and prices; the target keeps its
     * whole-order discount, its figures are recomputed, and {@code copiedFrom} names the source.
     *
     * <p>A target that already has lines is never overwritten silently: the caller must say replace or
     * append. {@code mode} may be {@code null} only when the target has no lines.
     *
     * @param source the quote whose lines are copied; any status
     * @param target the DRAFT quote that receives them
     * @param mode replace or append; {@code null} only for a target without lines
     * @return the changed target
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such source or target
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the target or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code source} when it is the
     *     target, {@link ErrorCode#CURRENCY_MISMATCH} on {@code source} when its currency differs, or
     *     {@link ErrorCode#FIELD_INVALID} on {@code source.lines[i].productId} for a product the catalogue
     *     no longer has
     * @throws RuleViolationException with rule {@value #RULE_REUSE_OTHER_ACCOUNT} for a source of
     *     another account, {@value #RULE_NOT_DRAFT} unless the target is DRAFT,
     *     {@value #RULE_REUSE_MODE_REQUIRED} for a target with lines and no mode, or
     *     {@value #RULE_OFF_SHELF} when a copied product is off shelf
     */
    public Quote reuse(Actor actor, QuoteId source, QuoteId target, ReuseMode mode) {
        Checks.required("source", source);
        Checks.required("target", target);
        return rules.command(actor, cmd -> {
            Quote before = loadForChange(cmd, target, ACTION_REUSE);
            if (source.equals(target)) {
                throw ValidationException.of("source", ErrorCode.FIELD_INVALID, "a quote cannot reuse its own lines");
            }
            Quote from = cmd.tx().quotes().get(cmd.tenant(), source);
            if (!from.accountId().equals(before.accountId())) {
                throw new RuleViolationException(RULE_REUSE_OTHER_ACCOUNT, before.accountId().value(),
                        "quote " + source + " is for account " + from.accountId() + ", quote " + target
                                + " for account " + before.accountId() + "; only quotes of the same account are reused");
            }
            if (!from.currency().equals(before.currency())) {
                throw ValidationException.of("source", ErrorCode.CURRENCY_MISMATCH,
                        before.currency().getCurrencyCode(), from.currency().getCurrencyCode());
            }
            requireDraft(before, ACTION_REUSE);
            if (mode == null && !before.lines().isEmpty()) {
                throw new RuleViolationException(RULE_REUSE_MODE_REQUIRED, null,
                        "quote " + target + " already has " + before.lines().size() + " line(s); say REPLACE or "
                                + "APPEND so they are not overwritten silently");
            }
            requireCatalogued(cmd, from.lines(), "source.lines");
            SalesMath.requireOnShelf(cmd, from.lines(), "source.lines", Set.of(), "a quote");
            ReuseMode effective = mode == null ? ReuseMode.REPLACE : mode;
            List<SalesLine> lines = new ArrayList<>();
            if (effective == ReuseMode.APPEND) {
                lines.addAll(before.lines());
                lines.addAll(SalesMath.renumbered(from.lines(), SalesMath.nextLineNo(before.lines())));
            } else {
                lines.addAll(from.lines());
            }
            Quote changed = priced(cmd, before.toBuilder().copiedFrom(from.id()), before.currency(), lines,
                    before.wholeOrderDiscount());
            return write(cmd, before, changed, ACTION_REUSE, "reused quote " + from.id() + " (" + effective + ")");
        });
    }

    /**
     * The account's quotes, newest first (by creation time, then id).
     *
     * @return every quote of the account
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may see the account (its owner, any
     *     team member, an admin of its public pool, or a tenant admin)
     */
    public List<Quote> history(Actor actor, AccountId account) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            SalesAccess.readableAccount(cmd, account, ACTION_HISTORY);
            List<Quote> quotes = all(cmd, Condition.eq("accountId", new CustomValue.Text(account.value())));
            quotes.sort(Comparator.comparing(Quote::createdAt).thenComparing(q -> q.id().value()).reversed());
            return List.copyOf(quotes);
        });
    }

    /**
     * Expires every DRAFT or SENT quote of the sweeper's tenant whose last valid day is before today in
     * the tenant's zone, each in its own transaction (change-log entry {@value #ACTION_EXPIRE} by the
     * sweeper, reason naming the last valid day). A quote changed since it was found (sent, accepted,
     * given a later validity, or changed concurrently) is re-read and skipped when no longer due; the
     * next sweep sees it again if it still is.
     *
     * @param sweeper the system actor the change log records; its tenant is the one swept
     * @return the ids of the quotes expired, in id order
     */
    public List<QuoteId> expireDue(Actor sweeper) {
        List<QuoteId> due = rules.command(sweeper, cmd -> all(cmd, dueCondition(cmd.today())).stream()
                .map(Quote::id).toList());
        List<QuoteId> expired = new ArrayList<>();
        for (QuoteId id : due) {
            try {
                boolean done = rules.command(sweeper, cmd -> {
                    Optional<Quote> found = cmd.tx().quotes().find(cmd.tenant(), id);
                    if (found.isEmpty() || !isDue(found.get(), cmd.today())) {
                        return false;
                    }
                    Quote before = found.get();
                    write(cmd, before, before.expire(cmd.now()), ACTION_EXPIRE,
                            "valid until " + before.validUntil() + ", which has passed");
                    return true;
                });
                if (done) {
                    expired.add(id);
                }
            } catch (ConcurrentModificationException e) {
                // Changed by someone else while this sweep wrote it: skipped by design; the next sweep
                // re-evaluates it against its then current state.
                LOG.info("quote {} changed while the expiry sweep wrote it; left for the next sweep ({})",
                        id, e.getMessage());
            }
        }
        return List.copyOf(expired);
    }

    // ---- shared with SalesConversions

    /** The change-log reference of a quote. */
    static RecordRef ref(QuoteId id) {
        return SalesAccess.ref(RecordType.QUOTE, id);
    }

    /**
     * The opportunity {@code id} of {@code account}, refusing one closed as LOST or INVALID.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code field} when the tenant
     *     has no such opportunity or it belongs to another account
     * @throws RuleViolationException with rule {@value #RULE_OPPORTUNITY_CLOSED}
     */
    static Opportunity openOpportunityOf(CommandContext cmd, OpportunityId id, AccountId account, String field) {
        Opportunity opportunity = cmd.tx().opportunities().find(cmd.tenant(), id)
                .orElseThrow(() -> ValidationException.of(field, ErrorCode.FIELD_INVALID,
                        "the tenant has no opportunity " + id));
        if (!opportunity.accountId().equals(account)) {
            throw ValidationException.of(field, ErrorCode.FIELD_INVALID,
                    "opportunity " + id + " is for account " + opportunity.accountId() + ", not " + account);
        }
        requireNotLost(opportunity);
        return opportunity;
    }

    /** Refuses an opportunity closed as LOST or INVALID with rule {@value #RULE_OPPORTUNITY_CLOSED}. */
    static void requireNotLost(Opportunity opportunity) {
        CloseResult result = opportunity.stage().result();
        if (result == CloseResult.LOST || result == CloseResult.INVALID) {
            throw new RuleViolationException(RULE_OPPORTUNITY_CLOSED, result.name(),
                    "opportunity " + opportunity.id() + " is closed as " + result + "; reopen it before quoting");
        }
    }

    /**
     * Refuses a last valid day before today in the tenant's zone.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code validUntil}
     */
    static void requireValidUntil(CommandContext cmd, LocalDate validUntil) {
        if (validUntil != null && validUntil.isBefore(cmd.today())) {
            throw ValidationException.of("validUntil", ErrorCode.FIELD_INVALID,
                    "the offer cannot end on " + validUntil + ", before today (" + cmd.today() + ")");
        }
    }

    /**
     * Refuses lines whose product the catalogue no longer has.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code <field>[i].productId}
     */
    static void requireCatalogued(CommandContext cmd, List<SalesLine> lines, String field) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ProductId product = lines.get(i).productId();
            if (cmd.tx().products().find(cmd.tenant(), product).isEmpty()) {
                violations.add(Violation.of(field + "[" + i + "].productId", ErrorCode.FIELD_INVALID,
                        "the catalogue has no product " + product));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** {@code draft} with {@code lines} at {@code discount}, figures from the core math, built. */
    static Quote priced(CommandContext cmd, Quote.Builder draft, Currency currency, List<SalesLine> lines,
            Discount discount) {
        PriceBreakdown breakdown = SalesMath.breakdown(cmd, currency, lines, discount);
        return draft.lines(lines).wholeOrderDiscount(discount).subtotal(breakdown.subtotal())
                .total(breakdown.total()).build();
    }

    // ---- internals

    private static Quote loadForChange(CommandContext cmd, QuoteId id, String action) {
        Quote quote = cmd.tx().quotes().get(cmd.tenant(), id);
        SalesAccess.requireOwnerOrAdmin(cmd, quote.owner(), action, "quote " + id);
        return quote;
    }

    private static void requireDraft(Quote quote, String action) {
        if (quote.status() != QuoteStatus.DRAFT) {
            throw new RuleViolationException(RULE_NOT_DRAFT, QuoteStatus.DRAFT.name(),
                    "quote " + quote.id() + " is " + quote.status() + "; only a draft can be changed (" + action + ")");
        }
    }

    private static Condition dueCondition(LocalDate today) {
        return Condition.all(
                Condition.in("status", new CustomValue.Choice(QuoteStatus.DRAFT.name()),
                        new CustomValue.Choice(QuoteStatus.SENT.name())),
                Condition.lt("validUntil", new CustomValue.Date(today)));
    }

    private static boolean isDue(Quote quote, LocalDate today) {
        return (quote.status() == QuoteStatus.DRAFT || quote.status() == QuoteStatus.SENT)
                && quote.validUntil() != null && quote.validUntil().isBefore(today);
    }

    private static List<Quote> all(CommandContext cmd, Condition condition) {
        List<Quote> result = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Quote> page = cmd.tx().quotes().query(cmd.tenant(), condition, cmd.query(), request);
            result.addAll(page.items());
            if (!page.hasNext()) {
                return result;
            }
            request = request.next(page);
        }
    }

    /** Stores {@code changed} stamped now and logs the change from {@code before}. */
    private static Quote write(CommandContext cmd, Quote before, Quote changed, String action, String reason) {
        Quote stored = cmd.tx().quotes().update(changed.toBuilder().updatedAt(cmd.now()).build());
        cmd.log(ref(stored.id()), null, action, before, stored, reason);
        return stored;
    }
}
