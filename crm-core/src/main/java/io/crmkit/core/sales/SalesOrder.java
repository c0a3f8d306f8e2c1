package io.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Owned;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sales order (销售订单): an agreed sale to an account, possibly from a quote, an opportunity or a
 * contract. What the customer owes is the {@link #receivable()} (total − returns); what is still
 * open is the {@link #outstanding()} (receivable − allocated payments).
 *
 * <p>The constructor guarantees, for every value that exists:
 * <ul>
 *   <li>everything is in {@link #currency()}; line numbers are unique;</li>
 *   <li>{@code subtotal} = Σ line amounts exactly; {@code total} = subtotal × whole-order discount
 *       rounded once (within half a minor unit); Σ lines' {@code allocatedTotal} = total exactly;</li>
 *   <li>shippedAt is set exactly when shipped (SHIPPED or RECEIVED), receivedAt exactly when
 *       RECEIVED, and not before shippedAt;</li>
 *   <li>returns refer to existing lines; per line, the returned quantity is at most the ordered
 *       quantity and, where delivery is tracked, the delivered quantity; Σ return amounts ≤ total;</li>
 *   <li>invoice numbers are unique and Σ invoices ≤ receivable;</li>
 *   <li>0 ≤ allocated ≤ receivable. A return that would push the receivable below what is already
 *       allocated or invoiced is refused: release the allocation or credit the invoice first.</li>
 * </ul>
 *
 * @param id the order's id
 * @param tenantId the owning tenant
 * @param accountId the buying account
 * @param sourceQuoteId the quote it came from, or {@code null}
 * @param sourceOpportunityId the opportunity it came from, or {@code null}
 * @param sourceContractId the contract it came from, or {@code null}
 * @param currency the order's currency
 * @param lines the order lines
 * @param wholeOrderDiscount the discount on the whole order (整单折扣)
 * @param subtotal Σ line amounts
 * @param total subtotal × whole-order discount, rounded once
 * @param deliveryStatus where delivery stands
 * @param shippedAt when it was shipped, or {@code null} before
 * @param receivedAt when receipt was confirmed, or {@code null} before
 * @param returns the returns, in the order recorded
 * @param invoices the invoices issued
 * @param allocated Σ payment allocations to this order, maintained by the payment rules
 * @param owner the owning user
 * @param customFields the tenant's custom fields
 * @param version the version the record was read at, 0 before it is stored
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record SalesOrder(
        SalesOrderId id,
        TenantId tenantId,
        AccountId accountId,
        QuoteId sourceQuoteId,
        OpportunityId sourceOpportunityId,
        ContractId sourceContractId,
        Currency currency,
        @Valid List<OrderLine> lines,
        Discount wholeOrderDiscount,
        Money subtotal,
        Money total,
        DeliveryStatus deliveryStatus,
        Instant shippedAt,
        Instant receivedAt,
        @Valid List<OrderReturn> returns,
        @Valid List<Invoice> invoices,
        Money allocated,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<SalesOrderId>, Owned {

    /**
     * Checks the structural invariants listed on the type.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing required part,
     *     {@link ErrorCode#CURRENCY_MISMATCH} for an amount in another currency,
     *     {@link ErrorCode#SALES_TOTAL_MISMATCH} when subtotal, total or the lines' shares do not add
     *     up, {@link ErrorCode#FIELD_OUT_OF_RANGE} when returns, invoices or allocations exceed their
     *     limits, and {@link ErrorCode#FIELD_INVALID} for duplicate line or invoice numbers, returns on
     *     unknown lines, or delivery times that do not match the delivery status
     */
    public SalesOrder {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("accountId", accountId);
        Money.scaleOf(currency);
        lines = Checks.list("lines", lines);
        List<SalesLine> salesLines = lines.stream().map(OrderLine::line).toList();
        SalesLines.requireUniqueLineNos("lines", salesLines);
        SalesLines.requireCurrency("lines", salesLines, currency);
        Checks.required("wholeOrderDiscount", wholeOrderDiscount);
        Checks.required("subtotal", subtotal);
        Checks.required("total", total);
        SalesLines.requireCurrency("subtotal", subtotal, currency);
        SalesLines.requireCurrency("total", total, currency);
        SalesLines.requireTotals(salesLines, currency, wholeOrderDiscount, subtotal, total);
        requireAllocatedTotals(lines, total);
        Checks.required("deliveryStatus", deliveryStatus);
        requireDeliveryTimes(deliveryStatus, shippedAt, receivedAt);
        returns = Checks.list("returns", returns);
        Money returnsTotal = requireReturns(lines, returns, total);
        Money receivable = total.minus(returnsTotal);
        invoices = Checks.list("invoices", invoices);
        requireInvoices(invoices, receivable);
        Checks.required("allocated", allocated);
        SalesLines.requireCurrency("allocated", allocated, currency);
        if (allocated.isNegative() || allocated.isGreaterThan(receivable)) {
            throw ValidationException.of("allocated", ErrorCode.FIELD_OUT_OF_RANGE,
                    Money.zero(currency), receivable, allocated);
        }
        Checks.required("owner", owner);
        customFields = customFields == null ? CustomFields.none() : customFields;
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    private static void requireAllocatedTotals(List<OrderLine> lines, Money total) {
        Money sum = Money.zero(total.currency());
        for (OrderLine line : lines) {
            sum = sum.plus(line.allocatedTotal());
        }
        if (sum.compareTo(total) != 0) {
            throw ValidationException.of("lines.allocatedTotal", ErrorCode.SALES_TOTAL_MISMATCH, total, sum);
        }
    }

    private static void requireDeliveryTimes(DeliveryStatus status, Instant shippedAt, Instant receivedAt) {
        if (status.isShipped() != (shippedAt != null)) {
            throw ValidationException.of("shippedAt", ErrorCode.FIELD_INVALID,
                    "a shipping time is set exactly when the order is shipped; the order is " + status);
        }
        if ((status == DeliveryStatus.RECEIVED) != (receivedAt != null)) {
            throw ValidationException.of("receivedAt", ErrorCode.FIELD_INVALID,
                    "a receipt time is set exactly when receipt is confirmed; the order is " + status);
        }
        if (receivedAt != null && receivedAt.isBefore(shippedAt)) {
            throw ValidationException.of("receivedAt", ErrorCode.FIELD_INVALID,
                    "receipt " + receivedAt + " cannot be before shipping " + shippedAt);
        }
    }

    /** Checks every return and gives Σ return amounts. */
    private static Money requireReturns(List<OrderLine> lines, List<OrderReturn> returns, Money total) {
        Map<Integer, OrderLine> byNo = new HashMap<>();
        for (OrderLine line : lines) {
            byNo.put(line.lineNo(), line);
        }
        Map<Integer, BigDecimal> returned = new HashMap<>();
        Money sum = Money.zero(total.currency());
        for (int i = 0; i < returns.size(); i++) {
            OrderReturn r = returns.get(i);
            String field = "returns[" + i + "]";
            OrderLine line = byNo.get(r.lineNo());
            if (line == null) {
                throw ValidationException.of(field + ".lineNo", ErrorCode.FIELD_INVALID,
                        "the order has no line " + r.lineNo());
            }
            SalesLines.requireCurrency(field + ".amount", r.amount(), total.currency());
            BigDecimal soFar = returned.merge(r.lineNo(), r.quantity(), BigDecimal::add);
            BigDecimal limit = line.deliveredQuantity() == null
                    ? line.orderedQuantity()
                    : line.orderedQuantity().min(line.deliveredQuantity());
            if (soFar.compareTo(limit) > 0) {
                throw ValidationException.of(field + ".quantity", ErrorCode.FIELD_OUT_OF_RANGE,
                        0, limit.toPlainString(), soFar.toPlainString());
            }
            sum = sum.plus(r.amount());
        }
        if (sum.isGreaterThan(total)) {
            throw ValidationException.of("returns", ErrorCode.FIELD_OUT_OF_RANGE, Money.zero(total.currency()), total, sum);
        }
        return sum;
    }

    private static void requireInvoices(List<Invoice> invoices, Money receivable) {
        Set<String> numbers = new HashSet<>();
        Money sum = Money.zero(receivable.currency());
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = invoices.get(i);
            if (!numbers.add(invoice.number())) {
                throw ValidationException.of("invoices[" + i + "].number", ErrorCode.FIELD_INVALID,
                        "invoice " + invoice.number() + " is recorded twice");
            }
            SalesLines.requireCurrency("invoices[" + i + "].amount", invoice.amount(), receivable.currency());
            sum = sum.plus(invoice.amount());
        }
        if (sum.isGreaterThan(receivable)) {
            throw ValidationException.of("invoices", ErrorCode.FIELD_OUT_OF_RANGE,
                    Money.zero(receivable.currency()), receivable, sum);
        }
    }

    /** A builder with delivery NOT_SHIPPED, nothing allocated, version 0, no lines, returns, invoices or discount. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this order's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).accountId(accountId).sourceQuoteId(sourceQuoteId)
                .sourceOpportunityId(sourceOpportunityId).sourceContractId(sourceContractId).currency(currency)
                .lines(lines).wholeOrderDiscount(wholeOrderDiscount).subtotal(subtotal).total(total)
                .deliveryStatus(deliveryStatus).shippedAt(shippedAt).receivedAt(receivedAt).returns(returns)
                .invoices(invoices).allocated(allocated).owner(owner).customFields(customFields)
                .version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** Σ return amounts. */
    @JsonIgnore
    public Money returnsTotal() {
        Money sum = Money.zero(currency);
        for (OrderReturn r : returns) {
            sum = sum.plus(r.amount());
        }
        return sum;
    }

    /** What the customer owes: total − returns; never negative. */
    @JsonIgnore
    public Money receivable() {
        return total.minus(returnsTotal());
    }

    /** Σ invoice amounts; never more than the receivable. */
    @JsonIgnore
    public Money invoicedTotal() {
        Money sum = Money.zero(currency);
        for (Invoice invoice : invoices) {
            sum = sum.plus(invoice.amount());
        }
        return sum;
    }

    /** What is still to be paid: receivable − allocated; never negative. */
    @JsonIgnore
    public Money outstanding() {
        return receivable().minus(allocated);
    }

    /**
     * This order shipped at {@code at} (NOT_SHIPPED → SHIPPED).
     *
     * @throws IllegalTransitionException unless NOT_SHIPPED
     */
    public SalesOrder ship(Instant at) {
        DeliveryStatus next = deliveryStatus.ship();
        Checks.required("at", at);
        return toBuilder().deliveryStatus(next).shippedAt(at).updatedAt(at).build();
    }

    /**
     * This order with receipt confirmed at {@code at} (SHIPPED → RECEIVED).
     *
     * @throws IllegalTransitionException unless SHIPPED
     * @throws ValidationException when {@code at} is before the shipping time
     */
    public SalesOrder confirmReceipt(Instant at) {
        DeliveryStatus next = deliveryStatus.confirmReceipt();
        Checks.required("at", at);
        return toBuilder().deliveryStatus(next).receivedAt(at).updatedAt(at).build();
    }

    /**
     * This order with {@code orderReturn} recorded, changed at {@code at}.
     *
     * @throws ValidationException when the return breaks an invariant (see the type)
     */
    public SalesOrder recordReturn(OrderReturn orderReturn, Instant at) {
        List<OrderReturn> next = new ArrayList<>(returns);
        next.add(Checks.required("orderReturn", orderReturn));
        return toBuilder().returns(next).updatedAt(Checks.required("at", at)).build();
    }

    /**
     * This order with {@code invoice} recorded, changed at {@code at}.
     *
     * @throws ValidationException when the invoice number is taken or the invoices would exceed the receivable
     */
    public SalesOrder recordInvoice(Invoice invoice, Instant at) {
        List<Invoice> next = new ArrayList<>(invoices);
        next.add(Checks.required("invoice", invoice));
        return toBuilder().invoices(next).updatedAt(Checks.required("at", at)).build();
    }

    /**
     * This order with {@code deliveredQuantity} recorded as delivered on line {@code lineNo}
     * ({@code null}: delivery not tracked for the line), changed at {@code at}.
     *
     * @throws ValidationException when the order has no such line, the quantity is outside
     *     [0, ordered quantity], or it is less than what has already been returned on the line
     */
    public SalesOrder withDelivered(int lineNo, BigDecimal deliveredQuantity, Instant at) {
        List<OrderLine> next = new ArrayList<>(lines.size());
        boolean found = false;
        for (OrderLine line : lines) {
            if (line.lineNo() == lineNo) {
                next.add(line.withDeliveredQuantity(deliveredQuantity));
                found = true;
            } else {
                next.add(line);
            }
        }
        if (!found) {
            throw ValidationException.of("lineNo", ErrorCode.FIELD_INVALID, "the order has no line " + lineNo);
        }
        return toBuilder().lines(next).updatedAt(Checks.required("at", at)).build();
    }

    /**
     * This order with {@code allocated} as the sum of payment allocations, changed at {@code at}.
     * Called by the payment rules, which own the allocations.
     *
     * @throws ValidationException when {@code allocated} is negative, above the receivable, or in another currency
     */
    public SalesOrder withAllocated(Money allocated, Instant at) {
        return toBuilder().allocated(Checks.required("allocated", allocated))
                .updatedAt(Checks.required("at", at)).build();
    }

    /** Builds a {@link SalesOrder}; {@link #build()} runs the canonical constructor's checks. */
    public static final class Builder {
        private SalesOrderId id;
        private TenantId tenantId;
        private AccountId accountId;
        private QuoteId sourceQuoteId;
        private OpportunityId sourceOpportunityId;
        private ContractId sourceContractId;
        private Currency currency;
        private List<OrderLine> lines = List.of();
        private Discount wholeOrderDiscount = Discount.NONE;
        private Money subtotal;
        private Money total;
        private DeliveryStatus deliveryStatus = DeliveryStatus.NOT_SHIPPED;
        private Instant shippedAt;
        private Instant receivedAt;
        private List<OrderReturn> returns = List.of();
        private List<Invoice> invoices = List.of();
        private Money allocated;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets the id. */
        public Builder id(SalesOrderId id) {
            this.id = id;
            return this;
        }

        /** Sets the tenant. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets the account. */
        public Builder accountId(AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets the source quote, or {@code null}. */
        public Builder sourceQuoteId(QuoteId sourceQuoteId) {
            this.sourceQuoteId = sourceQuoteId;
            return this;
        }

        /** Sets the source opportunity, or {@code null}. */
        public Builder sourceOpportunityId(OpportunityId sourceOpportunityId) {
            this.sourceOpportunityId = sourceOpportunityId;
            return this;
        }

        /** Sets the source contract, or {@code null}. */
        public Builder sourceContractId(ContractId sourceContractId) {
            this.sourceContractId = sourceContractId;
            return this;
        }

        /** Sets the currency. */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /** Sets the order lines (default none). */
        public Builder lines(List<OrderLine> lines) {
            this.lines = lines;
            return this;
        }

        /** Sets the whole-order discount (default {@link Discount#NONE}). */
        public Builder wholeOrderDiscount(Discount wholeOrderDiscount) {
            this.wholeOrderDiscount = wholeOrderDiscount;
            return this;
        }

        /** Sets the subtotal. */
        public Builder subtotal(Money subtotal) {
            this.subtotal = subtotal;
            return this;
        }

        /** Sets the total. */
        public Builder total(Money total) {
            this.total = total;
            return this;
        }

        /** Sets the delivery status (default NOT_SHIPPED). */
        public Builder deliveryStatus(DeliveryStatus deliveryStatus) {
            this.deliveryStatus = deliveryStatus;
            return this;
        }

        /** Sets the shipping time, or {@code null}. */
        public Builder shippedAt(Instant shippedAt) {
            this.shippedAt = shippedAt;
            return this;
        }

        /** Sets the receipt time, or {@code null}. */
        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /** Sets the returns (default none). */
        public Builder returns(List<OrderReturn> returns) {
            this.returns = returns;
            return this;
        }

        /** Sets the invoices (default none). */
        public Builder invoices(List<Invoice> invoices) {
            this.invoices = invoices;
            return this;
        }

        /** Sets Σ payment allocations (default zero in the order's currency). */
        public Builder allocated(Money allocated) {
            this.allocated = allocated;
            return this;
        }

        /** Sets the owner. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets the custom fields (default none). */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets the version (default 0). */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets the creation time. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets the last-change time. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The order; an unset {@code allocated} is zero in the order's currency.
         *
         * @throws ValidationException as the canonical constructor does
         */
        public SalesOrder build() {
            Money allocatedOrZero = allocated == null && currency != null ? Money.zero(currency) : allocated;
            return new SalesOrder(id, tenantId, accountId, sourceQuoteId, sourceOpportunityId, sourceContractId,
                    currency, lines, wholeOrderDiscount, subtotal, total, deliveryStatus, shippedAt, receivedAt,
                    returns, invoices, allocatedOrZero, owner, customFields, version, createdAt, updatedAt);
        }
    }
}
