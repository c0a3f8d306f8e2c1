package io.crmkit.rules.sales;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.Invoice;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.OrderReturn;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sales order commands (销售订单, DOMAIN.md §3): create an order, ship it and confirm receipt,
 * record delivered quantities, returns and invoices, change its lines while nothing has happened to it,
 * and list an account's or a contract's orders.
 *
 * <p>Every figure is computed here with the core quote math, never taken from the caller: line amounts,
 * the subtotal, the total, each line's share of the total once the whole-order discount is pushed down
 * (largest remainder, so the shares add up to the total to the minor unit) and the money a return
 * credits. What the customer owes always satisfies receivable = total − returns, Σ invoices ≤
 * receivable and outstanding = receivable − allocated payments (the order's constructor checks it).
 *
 * <p>Rules every command shares:
 * <ul>
 *   <li><b>Who:</b> creating needs the right to work the account (its owner, a read-write team member,
 *       an admin of its public pool, or a tenant admin; the account must not be voided or locked);
 *       changing an order needs its owner or a tenant admin; listing needs the right to see the
 *       account.</li>
 *   <li><b>Refuse before writing:</b> every check runs before the first write, so a refused command
 *       changes nothing and logs nothing.</li>
 *   <li><b>Change log:</b> every change appends an entry with the action code named by the
 *       {@code ACTION_...} constants; when the actor is not the order's owner, the owner is notified
 *       (notification type = the action code).</li>
 * </ul>
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm#orders()}; the constructor is internal.
 */
public final class OrderCommands {
    /** Change-log action of {@link #create}. */
    public static final String ACTION_CREATE = "order.create";
    /** Change-log action of {@link #ship}. */
    public static final String ACTION_SHIP = "order.ship";
    /** Change-log action of {@link #confirmReceipt}. */
    public static final String ACTION_CONFIRM_RECEIPT = "order.confirm-receipt";
    /** Change-log action of {@link #recordDelivered}. */
    public static final String ACTION_RECORD_DELIVERED = "order.record-delivered";
    /** Change-log action of {@link #recordReturn}. */
    public static final String ACTION_RETURN = "order.return";
    /** Change-log action of {@link #recordInvoice}. */
    public static final String ACTION_INVOICE = "order.invoice";
    /** Change-log action of {@link #setLines}. */
    public static final String ACTION_SET_LINES = "order.set-lines";
    /** The action named in refusals of {@link #get}, {@link #ofAccount} and {@link #ofContract} (not logged). */
    public static final String ACTION_READ = "order.read";

    /** Rule: returns and delivered quantities need a shipped order. */
    public static final String RULE_NOT_SHIPPED = "order.not-shipped";
    /** Rule: a return may not exceed what is left to return on its line; the limit is that quantity. */
    public static final String RULE_RETURN_EXCEEDS_QUANTITY = "order.return-exceeds-quantity";
    /**
     * Rule: a return may not push the receivable below what is allocated or invoiced; the limit is the
     * smallest receivable allowed.
     */
    public static final String RULE_RETURN_BELOW_SETTLED = "order.return-below-settled";
    /** Rule: invoices may not exceed the receivable; the limit is what is left to invoice. */
    public static final String RULE_INVOICE_EXCEEDS_RECEIVABLE = "order.invoice-exceeds-receivable";
    /** Rule: lines change only before shipping and before any allocation, return or invoice. */
    public static final String RULE_FROZEN = "order.frozen";

    private static final int PAGE = 500;

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public OrderCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Creates an order for an account from product lines (change-log entry {@value #ACTION_CREATE}, which
     * lists every field, the source opportunity included). The lines are numbered from 1 and priced with the tenant's pricing policy;
     * the whole-order discount is pushed down exactly to the lines. The actor owns the new order; it is
     * NOT_SHIPPED with nothing returned, invoiced or allocated.
     *
     * <p>An order is a new sale: like a new quote line, a line for an <b>off-shelf</b> product is refused
     * (rule {@code product.off-shelf}).
     *
     * @param actor who creates it
     * @param order what to create
     * @return the stored order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may work the account
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked}, or
     *     {@code product.off-shelf} for an off-shelf product
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code account} or
     *     {@code lines} when missing or empty, {@link ErrorCode#FIELD_INVALID} on
     *     {@code lines[i].productId} for a product not in the catalogue and on {@code opportunity} for an
     *     opportunity the tenant does not have or that belongs to another account,
     *     {@link ErrorCode#CURRENCY_MISMATCH} for a price in another currency, and the pricing errors of
     *     {@link io.crmkit.core.money.Pricing} (field prefixed with {@code lines[i].})
     */
    public SalesOrder create(Actor actor, NewOrder order) {
        Checks.required("order", order);
        if (order.account() == null) {
            throw ValidationException.of("account", ErrorCode.FIELD_REQUIRED);
        }
        return rules.command(actor, cmd -> {
            Account account = SalesAccess.workableAccount(cmd, order.account(), ACTION_CREATE);
            CrmValidation.validate(order);
            Currency currency = order.currency() != null ? order.currency() : cmd.settings().currency();
            Money.scaleOf(currency);
            Opportunity opportunity = order.opportunity() == null ? null : opportunityOf(cmd, account, order);
            List<SalesLine> lines = SalesMath.price(cmd, currency, order.lines(), 1, "lines", true);
            SalesOrder draft = SalesMath.newOrder(cmd, account.id(), currency, lines, order.wholeOrderDiscount())
                    .id(cmd.tx().salesOrders().nextId())
                    .sourceOpportunityId(opportunity == null ? null : opportunity.id())
                    .build();
            SalesOrder stored = cmd.tx().salesOrders().insert(draft);
            // The change log takes only pools as contexts; the link lives in sourceOpportunityId.
            cmd.log(ref(stored), null, ACTION_CREATE, null, stored, null);
            return stored;
        });
    }

    private static Opportunity opportunityOf(CommandContext cmd, Account account, NewOrder order) {
        Optional<Opportunity> found = cmd.tx().opportunities().find(cmd.tenant(), order.opportunity());
        if (found.isEmpty()) {
            throw ValidationException.of("opportunity", ErrorCode.FIELD_INVALID,
                    "the tenant has no opportunity " + order.opportunity());
        }
        if (!found.get().accountId().equals(account.id())) {
            throw ValidationException.of("opportunity", ErrorCode.FIELD_INVALID,
                    "opportunity " + order.opportunity() + " belongs to account " + found.get().accountId()
                            + ", not " + account.id());
        }
        return found.get();
    }

    /**
     * The order, for anyone who may see its account.
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such order
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may see the order's account
     */
    public SalesOrder get(Actor actor, SalesOrderId id) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            SalesOrder order = cmd.tx().salesOrders().get(cmd.tenant(), id);
            SalesAccess.readableAccount(cmd, order.accountId(), ACTION_READ);
            return order;
        });
    }

    /**
     * Marks the order shipped now (NOT_SHIPPED → SHIPPED; change-log entry {@value #ACTION_SHIP}).
     *
     * @return the changed order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such order
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the order or is a tenant admin
     * @throws IllegalTransitionException (machine {@value io.crmkit.core.sales.DeliveryStatus#MACHINE})
     *     unless NOT_SHIPPED
     */
    public SalesOrder ship(Actor actor, SalesOrderId id) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            SalesOrder before = load(cmd, id, ACTION_SHIP);
            return write(cmd, before, before.ship(cmd.now()), ACTION_SHIP, null);
        });
    }

    /**
     * Confirms the customer received the order, now (SHIPPED → RECEIVED; change-log entry
     * {@value #ACTION_CONFIRM_RECEIPT}).
     *
     * @return the changed order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such order
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the order or is a tenant admin
     * @throws IllegalTransitionException (machine {@value io.crmkit.core.sales.DeliveryStatus#MACHINE})
     *     unless SHIPPED
     */
    public SalesOrder confirmReceipt(Actor actor, SalesOrderId id) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            SalesOrder before = load(cmd, id, ACTION_CONFIRM_RECEIPT);
            return write(cmd, before, before.confirmReceipt(cmd.now()), ACTION_CONFIRM_RECEIPT, null);
        });
    }

    /**
     * Records how many units of line {@code lineNo} were delivered (change-log entry
     * {@value #ACTION_RECORD_DELIVERED}). From then on, returns on the line are limited by the delivered
     * quantity instead of the ordered one. The figure may be corrected later, but never below what was
     * already returned on the line.
     *
     * @param quantity the delivered quantity, from zero to the ordered quantity, at most the tenant's
     *     quantity scale
     * @return the changed order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such order
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the order or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code lineNo} for a line the
     *     order does not have, {@link ErrorCode#FIELD_REQUIRED} or {@link ErrorCode#FIELD_OUT_OF_RANGE} on
     *     {@code quantity} when missing, negative, above the ordered quantity, below the returned
     *     quantity or with too many decimal places
     * @throws RuleViolationException with rule {@value #RULE_NOT_SHIPPED} before the order is shipped
     */
    public SalesOrder recordDelivered(Actor actor, SalesOrderId id, int lineNo, BigDecimal quantity) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            SalesOrder before = load(cmd, id, ACTION_RECORD_DELIVERED);
            OrderLine line = line(before, lineNo);
            Checks.nonNegative("quantity", quantity);
            requireQuantityScale(cmd, quantity);
            requireShipped(before, "record deliveries");
            BigDecimal returned = returnedOn(before, lineNo);
            if (quantity.compareTo(returned) < 0) {
                throw ValidationException.of("quantity", ErrorCode.FIELD_OUT_OF_RANGE,
                        returned.toPlainString(), line.orderedQuantity().toPlainString(), quantity.toPlainString());
            }
            return write(cmd, before, before.withDelivered(lineNo, quantity, cmd.now()), ACTION_RECORD_DELIVERED, null);
        });
    }

    /**
     * Records goods coming back on line {@code lineNo} (退货; change-log entry {@value #ACTION_RETURN}
     * with the reason). The money credited is computed, never given: the line's share of the order total
     * ({@link OrderLine#allocatedTotal()}) in proportion to the quantity, <b>cumulatively</b> — the credit
     * is {@code round(share × returned so far including this return ÷ ordered) − credited so far on the
     * line}, rounded to the currency's scale with the tenant's rounding mode — so returning a whole line
     * in pieces credits exactly its share, never a minor unit more. The receivable drops by the credit.
     *
     * @param quantity how many units came back; greater than zero
     * @param reason why, or {@code null}; at most {@value OrderReturn#MAX_REASON} characters
     * @return the changed order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such order
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the order or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code lineNo} for a line the
     *     order does not have, {@link ErrorCode#FIELD_NOT_POSITIVE} or {@link ErrorCode#FIELD_OUT_OF_RANGE}
     *     on {@code quantity}, {@link ErrorCode#FIELD_TOO_LONG} on {@code reason}
     * @throws RuleViolationException with rule {@value #RULE_NOT_SHIPPED} before the order is shipped;
     *     {@value #RULE_RETURN_EXCEEDS_QUANTITY} (limit: the quantity still returnable, that is the
     *     delivered quantity where tracked, else the ordered one, minus what was returned) when more
     *     comes back; {@value #RULE_RETURN_BELOW_SETTLED} (limit: the smallest receivable allowed, the
     *     larger of allocated payments and invoices) when the credit would push the receivable below it
     */
    public SalesOrder recordReturn(Actor actor, SalesOrderId id, int lineNo, BigDecimal quantity, String reason) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            SalesOrder before = load(cmd, id, ACTION_RETURN);
            OrderLine line = line(before, lineNo);
            Checks.positive("quantity", quantity);
            requireQuantityScale(cmd, quantity);
            String checkedReason = Checks.optionalText("reason", reason, OrderReturn.MAX_REASON);
            requireShipped(before, "record returns");
            BigDecimal returnedBefore = returnedOn(before, lineNo);
            BigDecimal returnable = returnableOn(line, returnedBefore);
            if (quantity.compareTo(returnable) > 0) {
                throw new RuleViolationException(RULE_RETURN_EXCEEDS_QUANTITY, returnable,
                        "line " + lineNo + " of order " + id + " has " + returnable.toPlainString()
                                + " units left to return; " + quantity.toPlainString() + " cannot come back");
            }
            Money credit = credit(cmd, before, line, returnedBefore, quantity);
            Money settled = before.allocated().max(before.invoicedTotal());
            Money receivableAfter = before.receivable().minus(credit);
            if (receivableAfter.isLessThan(settled)) {
                throw new RuleViolationException(RULE_RETURN_BELOW_SETTLED, settled,
                        "the return credits " + credit + " and would leave " + receivableAfter + " receivable, below the "
                                + before.allocated() + " allocated and " + before.invoicedTotal() + " invoiced on order "
                                + id + "; release the allocation or credit the invoice first");
            }
            OrderReturn orderReturn = new OrderReturn(lineNo, quantity, credit, checkedReason, cmd.now());
            return write(cmd, before, before.recordReturn(orderReturn, cmd.now()), ACTION_RETURN, checkedReason);
        });
    }

    /**
     * The money a return of {@code quantity} on {@code line} credits: the cumulative share of the line
     * after the return, rounded once, minus what the line's earlier returns credited.
     */
    private static Money credit(CommandContext cmd, SalesOrder order, OrderLine line, BigDecimal returnedBefore,
            BigDecimal quantity) {
        RoundingMode mode = cmd.settings().pricing().roundingMode();
        Money share = line.allocatedTotal();
        BigDecimal returnedAfter = returnedBefore.add(quantity);
        BigDecimal cumulative = share.amount().multiply(returnedAfter)
                .divide(line.orderedQuantity(), share.scale(), mode);
        Money creditedBefore = Money.zero(order.currency());
        for (OrderReturn r : order.returns()) {
            if (r.lineNo() == line.lineNo()) {
                creditedBefore = creditedBefore.plus(r.amount());
            }
        }
        Money credit = Money.of(cumulative, order.currency()).minus(creditedBefore);
        // Earlier credits were computed the same way, so this is never negative; keep the guarantee explicit.
        return credit.isNegative() ? Money.zero(order.currency()) : credit;
    }

    /**
     * Records an invoice issued against the order (开票; change-log entry {@value #ACTION_INVOICE}).
     * Invoice numbers are unique within an order: a number already used on this order is refused as an
     * invalid field ({@link ErrorCode#FIELD_INVALID} on {@code number}), not as a duplicate record, since
     * an invoice is part of the order rather than a record of its own.
     *
     * @param number the invoice number, 1 to {@value Invoice#MAX_NUMBER} characters
     * @param amount the invoiced amount, greater than zero, in the order's currency
     * @param issuedOn the day it was issued
     * @return the changed order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such order
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the order or is a tenant admin
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing part,
     *     {@link ErrorCode#FIELD_NOT_POSITIVE} on {@code amount} for zero or less,
     *     {@link ErrorCode#CURRENCY_MISMATCH} on {@code amount} for another currency,
     *     {@link ErrorCode#FIELD_INVALID} on {@code number} when the order already has that invoice
     * @throws RuleViolationException with rule {@value #RULE_INVOICE_EXCEEDS_RECEIVABLE} (limit: what is
     *     left to invoice, receivable − invoiced) when the amount is more
     */
    public SalesOrder recordInvoice(Actor actor, SalesOrderId id, String number, Money amount, LocalDate issuedOn) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            SalesOrder before = load(cmd, id, ACTION_INVOICE);
            Invoice invoice = new Invoice(number, amount, issuedOn);
            if (!invoice.amount().currency().equals(before.currency())) {
                throw ValidationException.of("amount", ErrorCode.CURRENCY_MISMATCH,
                        before.currency().getCurrencyCode(), invoice.amount().currency().getCurrencyCode());
            }
            if (before.invoices().stream().anyMatch(i -> i.number().equals(invoice.number()))) {
                throw ValidationException.of("number", ErrorCode.FIELD_INVALID,
                        "order " + id + " already has invoice " + invoice.number());
            }
            Money left = before.receivable().minus(before.invoicedTotal());
            if (invoice.amount().isGreaterThan(left)) {
                throw new RuleViolationException(RULE_INVOICE_EXCEEDS_RECEIVABLE, left,
                        "order " + id + " has " + left + " left to invoice (receivable " + before.receivable()
                                + ", invoiced " + before.invoicedTotal() + "); " + invoice.amount() + " is more");
            }
            return write(cmd, before, before.recordInvoice(invoice, cmd.now()), ACTION_INVOICE, null);
        });
    }

    /**
     * Replaces the order's lines and whole-order discount (change-log entry {@value #ACTION_SET_LINES}):
     * the lines are numbered from 1, priced with the tenant's policy, and the new total pushed down to
     * them. Allowed only while the order is NOT_SHIPPED and nothing is allocated, returned or invoiced.
     * A product already on the order may stay on it after it went off shelf (the sale was agreed); a
     * product new to the order must be on shelf.
     *
     * @param lines the new lines, at least one
     * @param wholeOrderDiscount the new whole-order discount, or {@code null} to keep the order's
     * @return the changed order
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such order
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the order or is a tenant admin
     * @throws ValidationException as {@link #create} for the lines
     * @throws RuleViolationException with rule {@value #RULE_FROZEN} once shipped, allocated, returned or
     *     invoiced, or {@code product.off-shelf} for an off-shelf product new to the order
     */
    public SalesOrder setLines(Actor actor, SalesOrderId id, List<LineInput> lines, Discount wholeOrderDiscount) {
        Checks.required("id", id);
        return rules.command(actor, cmd -> {
            SalesOrder before = load(cmd, id, ACTION_SET_LINES);
            if (lines == null || lines.isEmpty()) {
                throw ValidationException.of("lines", ErrorCode.FIELD_REQUIRED);
            }
            CrmValidation.validate(new LinesInput(lines));
            if (before.deliveryStatus().isShipped() || !before.allocated().isZero() || !before.returns().isEmpty()
                    || !before.invoices().isEmpty()) {
                throw new RuleViolationException(RULE_FROZEN, null, "order " + id + " is " + before.deliveryStatus()
                        + " with " + before.allocated() + " allocated, " + before.returns().size() + " returns and "
                        + before.invoices().size() + " invoices; its lines can change only before any of these");
            }
            List<SalesLine> priced = SalesMath.price(cmd, before.currency(), lines, 1, "lines", false);
            SalesMath.requireOnShelf(cmd, priced, "lines",
                    SalesMath.productsOf(before.lines().stream().map(OrderLine::line).toList()), "an order");
            Discount discount = wholeOrderDiscount != null ? wholeOrderDiscount : before.wholeOrderDiscount();
            SalesOrder fresh = SalesMath.newOrder(cmd, before.accountId(), before.currency(), priced, discount)
                    .id(before.id()).build();
            SalesOrder changed = before.toBuilder().lines(fresh.lines()).wholeOrderDiscount(discount)
                    .subtotal(fresh.subtotal()).total(fresh.total()).updatedAt(cmd.now()).build();
            return write(cmd, before, changed, ACTION_SET_LINES, null);
        });
    }

    /** The lines of {@link #setLines}, to validate their notes like {@link NewOrder}'s. */
    private record LinesInput(@jakarta.validation.Valid List<LineInput> lines) {}

    /**
     * The account's orders, oldest first, for anyone who may see the account (its owner, team, pool
     * admins, tenant admins).
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may see the account
     */
    public List<SalesOrder> ofAccount(Actor actor, AccountId account) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            SalesAccess.readableAccount(cmd, account, ACTION_READ);
            return all(cmd, Condition.eq("accountId", new CustomValue.Text(account.value())));
        });
    }

    /**
     * The orders made from the contract, oldest first, for anyone who may see the contract's account.
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such contract
     * @throws io.crmkit.core.error.ForbiddenException unless the actor may see the contract's account
     */
    public List<SalesOrder> ofContract(Actor actor, ContractId contract) {
        Checks.required("contract", contract);
        return rules.command(actor, cmd -> {
            Contract found = cmd.tx().contracts().get(cmd.tenant(), contract);
            SalesAccess.readableAccount(cmd, found.accountId(), ACTION_READ);
            return all(cmd, Condition.eq("sourceContractId", new CustomValue.Text(contract.value())));
        });
    }

    private static List<SalesOrder> all(CommandContext cmd, Condition condition) {
        List<SalesOrder> result = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<SalesOrder> page = cmd.tx().salesOrders().query(cmd.tenant(), condition, cmd.query(), request);
            result.addAll(page.items());
            if (!page.hasNext()) {
                return result;
            }
            request = request.next(page);
        }
    }

    // ---- shared steps

    /** The order, after checking the actor owns it or is a tenant admin. */
    private static SalesOrder load(CommandContext cmd, SalesOrderId id, String action) {
        SalesOrder order = cmd.tx().salesOrders().get(cmd.tenant(), id);
        SalesAccess.requireOwnerOrAdmin(cmd, order.owner(), action, "order " + id);
        return order;
    }

    private static OrderLine line(SalesOrder order, int lineNo) {
        for (OrderLine line : order.lines()) {
            if (line.lineNo() == lineNo) {
                return line;
            }
        }
        throw ValidationException.of("lineNo", ErrorCode.FIELD_INVALID, "order " + order.id() + " has no line " + lineNo);
    }

    private static void requireShipped(SalesOrder order, String what) {
        if (!order.deliveryStatus().isShipped()) {
            throw new RuleViolationException(RULE_NOT_SHIPPED, null,
                    "order " + order.id() + " has not been shipped; ship it before you " + what);
        }
    }

    private static void requireQuantityScale(CommandContext cmd, BigDecimal quantity) {
        int max = cmd.settings().pricing().quantityScale();
        int scale = quantity.stripTrailingZeros().scale();
        if (scale > max) {
            throw ValidationException.of("quantity", ErrorCode.FIELD_INVALID,
                    "at most " + max + " decimal places; " + quantity.toPlainString() + " has " + scale);
        }
    }

    /** Σ quantities returned on line {@code lineNo}. */
    static BigDecimal returnedOn(SalesOrder order, int lineNo) {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderReturn r : order.returns()) {
            if (r.lineNo() == lineNo) {
                sum = sum.add(r.quantity());
            }
        }
        return sum;
    }

    /** What may still come back on {@code line}: delivered (where tracked) or ordered, minus returned. */
    private static BigDecimal returnableOn(OrderLine line, BigDecimal returned) {
        BigDecimal limit = line.deliveredQuantity() == null
                ? line.orderedQuantity()
                : line.orderedQuantity().min(line.deliveredQuantity());
        return limit.subtract(returned).max(BigDecimal.ZERO);
    }

    private static RecordRef ref(SalesOrder order) {
        return SalesAccess.ref(RecordType.SALES_ORDER, order.id());
    }

    /** Stores {@code changed} stamped now, logs the change from {@code before}, tells the owner. */
    private static SalesOrder write(CommandContext cmd, SalesOrder before, SalesOrder changed, String action,
            String reason) {
        SalesOrder stored = cmd.tx().salesOrders().update(changed.toBuilder().updatedAt(cmd.now()).build());
        ChangeLogEntry entry = cmd.log(ref(stored), null, action, before, stored, reason);
        if (!cmd.actorIs(stored.owner())) {
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("order", stored.id().value());
            payload.put("actor", cmd.actor().userId().value());
            payload.put("deliveryStatus", stored.deliveryStatus().name());
            if (reason != null) {
                payload.put("reason", reason);
            }
            cmd.notify(Set.of(stored.owner()), action, ref(stored), payload,
                    action + ":" + stored.id().value() + ":" + entry.id().value());
        }
        return stored;
    }
}
