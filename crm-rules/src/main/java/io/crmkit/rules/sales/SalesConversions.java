package io.crmkit.rules.sales;

import io.crmkit.core.account.Account;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PriceBreakdown;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.ContractStatus;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.QuoteStatus;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.util.List;
import java.util.Set;

/**
 * Conversions between sales documents (DOMAIN.md §3): opportunity → quote, quote → order, quote →
 * contract and contract → order. Each copies the source's lines, lets the caller change sales prices
 * (by line number) and the whole-order discount through a {@link Repricing}, and computes every figure
 * of the new document with the core math.
 *
 * <p>Links: the new document names its source in its own fields ({@code opportunityId},
 * {@code sourceQuoteId}, {@code sourceOpportunityId}, {@code sourceContractId}), and its change-log
 * entry names the source in its reason ({@code from QUOTE:<id>}). (The source is meant to be the
 * entry's context, so {@code changeLog().ofContext(tenant, sourceRef)} lists what was made from a
 * source; the core change log accepts only pool contexts today.)
 *
 * <p>Who: the actor must be able to work the source's account (its owner, a read-write team member, an
 * admin of its public pool, or a tenant admin; the account out of the recycle bin and unlocked), the
 * same right that creating the new document directly needs. Everything is checked before anything is
 * written, so a refused conversion changes nothing.
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm#conversions()}; the constructor is internal.
 */
public final class SalesConversions {
    /** Change-log action on the quote {@link #opportunityToQuote} creates. */
    public static final String ACTION_QUOTE_FROM_OPPORTUNITY = "quote.create-from-opportunity";
    /** Change-log action on the order {@link #quoteToOrder} creates. */
    public static final String ACTION_ORDER_FROM_QUOTE = "order.create-from-quote";
    /** Change-log action on the contract {@link #quoteToContract} creates. */
    public static final String ACTION_CONTRACT_FROM_QUOTE = "contract.create-from-quote";
    /** Change-log action on the order {@link #contractToOrder} creates. */
    public static final String ACTION_ORDER_FROM_CONTRACT = "order.create-from-contract";

    /** The rule broken by converting an opportunity closed as LOST or INVALID. */
    public static final String RULE_OPPORTUNITY_CLOSED = QuoteCommands.RULE_OPPORTUNITY_CLOSED;
    /** The rule broken by converting a REJECTED or EXPIRED quote. */
    public static final String RULE_QUOTE_NOT_CONVERTIBLE = "quote.not-convertible";
    /** The rule broken by converting a quote without lines. */
    public static final String RULE_QUOTE_EMPTY = "quote.empty";
    /** The rule broken by ordering from a contract that is not ACTIVE. */
    public static final String RULE_CONTRACT_NOT_ACTIVE = "contract.not-active";
    /** The rule broken by ordering from a contract without lines. */
    public static final String RULE_CONTRACT_NO_LINES = "contract.no-lines";
    /** The rule broken when a contract's orders would add up to more than its amount. */
    public static final String RULE_CONTRACT_AMOUNT_EXCEEDED = "contract.amount-exceeded";

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public SalesConversions(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Creates a DRAFT quote from an opportunity: its lines (repriced as {@code draft} says) and its
     * whole-order discount (or the draft's new one), in the opportunity's currency, with
     * {@code opportunityId} set, owned by the actor (change-log entry
     * {@value #ACTION_QUOTE_FROM_OPPORTUNITY}, reason {@code from OPPORTUNITY:<id>}). A quote is a new offer, so
     * every product must be on shelf. An opportunity closed as WON may still be quoted.
     *
     * @param opportunity the source
     * @param draft the title (default: the opportunity's name), validity and repricing
     * @return the stored quote
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such opportunity or its account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may work the opportunity's account
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked},
     *     {@value #RULE_OPPORTUNITY_CLOSED} for an opportunity closed as LOST or INVALID, or
     *     {@code product.off-shelf} for an off-shelf product
     * @throws ValidationException for a title that is too long, a validity before today
     *     ({@link ErrorCode#FIELD_INVALID} on {@code validUntil}), a repricing naming a line the
     *     opportunity does not have or a bad price (as {@link Repricing} and the pricing say), or a
     *     product the catalogue no longer has
     */
    public Quote opportunityToQuote(Actor actor, OpportunityId opportunity, QuoteDraft draft) {
        Checks.required("opportunity", opportunity);
        Checks.required("draft", draft);
        return rules.command(actor, cmd -> {
            Opportunity source = cmd.tx().opportunities().get(cmd.tenant(), opportunity);
            Account account = SalesAccess.workableAccount(cmd, source.accountId(), ACTION_QUOTE_FROM_OPPORTUNITY);
            CrmValidation.validate(draft);
            QuoteCommands.requireValidUntil(cmd, draft.validUntil());
            QuoteCommands.requireNotLost(source);
            List<SalesLine> lines = SalesMath.reprice(cmd, source.lines(), draft.repricing());
            QuoteCommands.requireCatalogued(cmd, lines, "lines");
            SalesMath.requireOnShelf(cmd, lines, "lines", Set.of(), "a quote");
            Discount discount = draft.repricing().wholeOrderDiscountOr(source.wholeOrderDiscount());
            Quote.Builder quote = Quote.builder()
                    .id(cmd.tx().quotes().nextId())
                    .tenantId(cmd.tenant())
                    .accountId(account.id())
                    .opportunityId(source.id())
                    .title(draft.title() != null ? draft.title() : source.name())
                    .currency(source.currency())
                    .validUntil(draft.validUntil())
                    .status(QuoteStatus.DRAFT)
                    .owner(cmd.actor().userId())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now());
            Quote stored = cmd.tx().quotes().insert(QuoteCommands.priced(cmd, quote, source.currency(), lines, discount));
            logCreatedFrom(cmd, QuoteCommands.ref(stored.id()), SalesAccess.ref(RecordType.OPPORTUNITY, source.id()),
                    ACTION_QUOTE_FROM_OPPORTUNITY, stored);
            return stored;
        });
    }

    /**
     * Creates a sales order from a quote: the quote's lines repriced as {@code repricing} says, at the
     * quote's whole-order discount or the new one, the total pushed down to the lines exactly, with
     * {@code sourceQuoteId} and {@code sourceOpportunityId} (the quote's opportunity) set, owned by the
     * actor (change-log entry {@value #ACTION_ORDER_FROM_QUOTE}, reason {@code from QUOTE:<id>}). The quote
     * itself is not changed. DRAFT, SENT and ACCEPTED quotes can be converted.
     *
     * @param quote the source
     * @param repricing new sales prices or line discounts by line number and a new whole-order discount;
     *     {@code null} means {@link Repricing#none()}
     * @return the stored order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote or account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may work the quote's account
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked},
     *     {@value #RULE_QUOTE_NOT_CONVERTIBLE} for a REJECTED or EXPIRED quote, or
     *     {@value #RULE_QUOTE_EMPTY} for a quote without lines
     * @throws ValidationException for a repricing naming a line the quote does not have, or a bad price
     */
    public SalesOrder quoteToOrder(Actor actor, QuoteId quote, Repricing repricing) {
        Checks.required("quote", quote);
        Repricing changes = repricing == null ? Repricing.none() : repricing;
        return rules.command(actor, cmd -> {
            Quote source = cmd.tx().quotes().get(cmd.tenant(), quote);
            Account account = SalesAccess.workableAccount(cmd, source.accountId(), ACTION_ORDER_FROM_QUOTE);
            requireConvertible(source);
            List<SalesLine> lines = SalesMath.reprice(cmd, source.lines(), changes);
            Discount discount = changes.wholeOrderDiscountOr(source.wholeOrderDiscount());
            SalesOrder order = SalesMath.newOrder(cmd, account.id(), source.currency(), lines, discount)
                    .id(cmd.tx().salesOrders().nextId())
                    .sourceQuoteId(source.id())
                    .sourceOpportunityId(source.opportunityId())
                    .build();
            SalesOrder stored = cmd.tx().salesOrders().insert(order);
            logCreatedFrom(cmd, orderRef(stored.id()), QuoteCommands.ref(source.id()), ACTION_ORDER_FROM_QUOTE, stored);
            return stored;
        });
    }

    /**
     * Creates a DRAFT contract from a quote: the quote's lines repriced as {@code draft} says, the amount
     * the repriced total (after the quote's whole-order discount, or the draft's new one), in the quote's
     * currency, with {@code sourceQuoteId} set, owned by the actor (change-log entry
     * {@value #ACTION_CONTRACT_FROM_QUOTE}, reason {@code from QUOTE:<id>}). Contract numbers are unique per tenant.
     *
     * @param quote the source
     * @param draft number, title (default: the quote's title), period and repricing
     * @return the stored contract
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such quote or account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may work the quote's account
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked},
     *     {@value #RULE_QUOTE_NOT_CONVERTIBLE} for a REJECTED or EXPIRED quote, or
     *     {@value #RULE_QUOTE_EMPTY} for a quote without lines
     * @throws ValidationException for a missing or too long number or title, a period that ends before it
     *     starts ({@link ErrorCode#FIELD_INVALID} on {@code endsOn}), a repricing naming a line the quote
     *     does not have, or a bad price
     * @throws io.crmkit.core.error.DuplicateRecordException when another contract of the tenant has the number
     */
    public Contract quoteToContract(Actor actor, QuoteId quote, ContractDraft draft) {
        Checks.required("quote", quote);
        Checks.required("draft", draft);
        return rules.command(actor, cmd -> {
            Quote source = cmd.tx().quotes().get(cmd.tenant(), quote);
            Account account = SalesAccess.workableAccount(cmd, source.accountId(), ACTION_CONTRACT_FROM_QUOTE);
            CrmValidation.validate(draft);
            if (draft.startsOn() != null && draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
                throw ValidationException.of("endsOn", ErrorCode.FIELD_INVALID,
                        "the period ends on " + draft.endsOn() + ", before it starts on " + draft.startsOn());
            }
            requireConvertible(source);
            List<SalesLine> lines = SalesMath.reprice(cmd, source.lines(), draft.repricing());
            Discount discount = draft.repricing().wholeOrderDiscountOr(source.wholeOrderDiscount());
            PriceBreakdown priced = SalesMath.breakdown(cmd, source.currency(), lines, discount);
            SalesAccess.requireContractNumberFree(cmd, draft.number(), null);
            Contract contract = Contract.builder()
                    .id(cmd.tx().contracts().nextId())
                    .tenantId(cmd.tenant())
                    .accountId(account.id())
                    .sourceQuoteId(source.id())
                    .number(draft.number())
                    .title(draft.title() != null ? draft.title() : source.title())
                    .currency(source.currency())
                    .lines(lines)
                    .wholeOrderDiscount(discount)
                    .amount(priced.total())
                    .startsOn(draft.startsOn())
                    .endsOn(draft.endsOn())
                    .status(ContractStatus.DRAFT)
                    .owner(cmd.actor().userId())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now())
                    .build();
            Contract stored = cmd.tx().contracts().insert(contract);
            logCreatedFrom(cmd, contractRef(stored.id()), QuoteCommands.ref(source.id()), ACTION_CONTRACT_FROM_QUOTE,
                    stored);
            return stored;
        });
    }

    /**
     * Creates a sales order from an ACTIVE contract: the contract's lines repriced as {@code repricing}
     * says, at the contract's whole-order discount (the one its quote had) or the repricing's new one,
     * with {@code sourceContractId}, the contract's
     * {@code sourceQuoteId} and that quote's opportunity as {@code sourceOpportunityId}, owned by the
     * actor (change-log entry {@value #ACTION_ORDER_FROM_CONTRACT}, reason {@code from CONTRACT:<id>}).
     *
     * <p>Unless the tenant allows it ({@code settings.sales().ordersMayExceedContract()}), the totals of
     * all orders made from the contract, this one included, may not exceed the contract amount. The
     * check runs under the transaction lock {@code contract-orders:<contract id>}, so two conversions of
     * one contract at once cannot both pass it.
     *
     * @param contract the source
     * @param repricing new sales prices or line discounts by line number and a whole-order discount;
     *     {@code null} means {@link Repricing#none()}
     * @return the stored order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract or account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may work the contract's account
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked},
     *     {@value #RULE_CONTRACT_NOT_ACTIVE} unless the contract is ACTIVE, {@value #RULE_CONTRACT_NO_LINES}
     *     for a contract without lines, or {@value #RULE_CONTRACT_AMOUNT_EXCEEDED} (limit: the amount
     *     still available, as {@link Money}) when the orders would exceed the contract amount
     * @throws ValidationException for a repricing naming a line the contract does not have, or a bad price
     */
    public SalesOrder contractToOrder(Actor actor, ContractId contract, Repricing repricing) {
        Checks.required("contract", contract);
        Repricing changes = repricing == null ? Repricing.none() : repricing;
        return rules.command(actor, cmd -> {
            Contract source = cmd.tx().contracts().get(cmd.tenant(), contract);
            Account account = SalesAccess.workableAccount(cmd, source.accountId(), ACTION_ORDER_FROM_CONTRACT);
            if (source.status() != ContractStatus.ACTIVE) {
                throw new RuleViolationException(RULE_CONTRACT_NOT_ACTIVE, ContractStatus.ACTIVE.name(),
                        "contract " + source.id() + " is " + source.status() + "; only an active contract takes orders");
            }
            if (source.lines().isEmpty()) {
                throw new RuleViolationException(RULE_CONTRACT_NO_LINES, null,
                        "contract " + source.id() + " has no product lines to order");
            }
            List<SalesLine> lines = SalesMath.reprice(cmd, source.lines(), changes);
            Discount discount = changes.wholeOrderDiscountOr(source.wholeOrderDiscount());
            SalesOrder.Builder draft = SalesMath.newOrder(cmd, account.id(), source.currency(), lines, discount);
            OpportunityId opportunity = source.sourceQuoteId() == null ? null
                    : cmd.tx().quotes().find(cmd.tenant(), source.sourceQuoteId()).map(Quote::opportunityId).orElse(null);
            SalesOrder order = draft.id(cmd.tx().salesOrders().nextId())
                    .sourceContractId(source.id())
                    .sourceQuoteId(source.sourceQuoteId())
                    .sourceOpportunityId(opportunity)
                    .build();
            if (!cmd.settings().sales().ordersMayExceedContract()) {
                cmd.tx().lock("contract-orders:" + source.id().value());
                Money ordered = orderedFrom(cmd, source);
                Money remaining = source.amount().minus(ordered);
                if (ordered.plus(order.total()).isGreaterThan(source.amount())) {
                    throw new RuleViolationException(RULE_CONTRACT_AMOUNT_EXCEEDED, remaining,
                            "contract " + source.id() + " is for " + source.amount() + "; its orders already total "
                                    + ordered + ", so " + remaining + " remains, less than this order's "
                                    + order.total());
                }
            }
            SalesOrder stored = cmd.tx().salesOrders().insert(order);
            logCreatedFrom(cmd, orderRef(stored.id()), contractRef(source.id()), ACTION_ORDER_FROM_CONTRACT, stored);
            return stored;
        });
    }

    /**
     * Logs the creation of {@code target} from {@code source}: an entry on the target with
     * {@code action}, every field as "after", and the reason {@code from <TYPE>:<id>} naming the source.
     *
     * <p>The source belongs in the entry's context (so {@code changeLog().ofContext(tenant, source)}
     * lists what was made from it), but {@link io.crmkit.core.activity.ChangeLogEntry} accepts only pool
     * contexts (POOL, LEAD_POOL) today. Until crm-core allows sales contexts, the source is named in the
     * reason, and the target names it in its own fields; switching to the context is this one call.
     */
    private static void logCreatedFrom(CommandContext cmd, RecordRef target, RecordRef source, String action,
            Record after) {
        cmd.log(target, null, action, null, after, reasonFrom(source));
    }

    /** The reason a conversion's change-log entry carries: {@code from <TYPE>:<id>}. */
    static String reasonFrom(RecordRef source) {
        return "from " + source;
    }

    private static void requireConvertible(Quote quote) {
        if (quote.status() == QuoteStatus.REJECTED || quote.status() == QuoteStatus.EXPIRED) {
            throw new RuleViolationException(RULE_QUOTE_NOT_CONVERTIBLE, quote.status().name(),
                    "quote " + quote.id() + " is " + quote.status() + " and cannot be converted");
        }
        if (quote.lines().isEmpty()) {
            throw new RuleViolationException(RULE_QUOTE_EMPTY, null,
                    "quote " + quote.id() + " has no lines to convert");
        }
    }

    /** Σ totals of the orders made from {@code contract} so far. */
    private static Money orderedFrom(CommandContext cmd, Contract contract) {
        Condition fromContract = Condition.eq("sourceContractId", new CustomValue.Text(contract.id().value()));
        Money sum = Money.zero(contract.currency());
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<SalesOrder> page = cmd.tx().salesOrders().query(cmd.tenant(), fromContract, cmd.query(), request);
            for (SalesOrder order : page.items()) {
                sum = sum.plus(order.total());
            }
            if (!page.hasNext()) {
                return sum;
            }
            request = request.next(page);
        }
    }

    private static RecordRef orderRef(SalesOrderId id) {
        return SalesAccess.ref(RecordType.SALES_ORDER, id);
    }

    private static RecordRef contractRef(ContractId id) {
        return SalesAccess.ref(RecordType.CONTRACT, id);
    }
}
