package io.crmkit.core.sales;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A quote (报价单): a priced offer to an account, optionally for an opportunity.
 *
 * <p>The constructor guarantees its figures add up: every line and both totals are in
 * {@link #currency()}; line numbers are unique; {@code subtotal} is exactly Σ line amounts; and
 * {@code total} is subtotal × whole-order discount rounded once to the currency's scale with a
 * half-way rounding mode (within half a minor unit of the exact product), hence
 * {@code 0 ≤ total ≤ subtotal}. Compute the figures with the pricing functions of
 * {@link io.crmkit.core.money}.
 *
 * @param id the quote's id
 * @param tenantId the owning tenant
 * @param accountId the account the offer is made to
 * @param opportunityId the opportunity it belongs to, or {@code null}
 * @param title the quote's title, 1 to 200 characters
 * @param currency the quote's currency, held explicitly so an empty quote has one
 * @param lines the product lines, in {@code currency}, with unique line numbers
 * @param wholeOrderDiscount the discount on the whole quote (整单折扣)
 * @param subtotal Σ line amounts
 * @param total subtotal × whole-order discount, rounded once
 * @param status where the quote is in its life cycle
 * @param validUntil the last day the offer holds, or {@code null}
 * @param copiedFrom the earlier quote whose lines were reused, or {@code null}
 * @param owner the owning user
 * @param customFields the tenant's custom fields
 * @param version the version the record was read at, 0 before it is stored
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Quote(
        QuoteId id,
        TenantId tenantId,
        AccountId accountId,
        OpportunityId opportunityId,
        @NotBlank @Size(max = Quote.MAX_TITLE) String title,
        Currency currency,
        @Valid List<SalesLine> lines,
        Discount wholeOrderDiscount,
        Money subtotal,
        Money total,
        QuoteStatus status,
        LocalDate validUntil,
        QuoteId copiedFrom,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<QuoteId>, Owned {

    /** Longest quote title. */
    public static final int MAX_TITLE = 200;

    /**
     * Checks the structural invariants.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing required part,
     *     {@link ErrorCode#CURRENCY_MISMATCH} for a line or total in another currency,
     *     {@link ErrorCode#FIELD_INVALID} for a duplicate line number, and
     *     {@link ErrorCode#SALES_TOTAL_MISMATCH} when subtotal or total do not add up
     */
    public Quote {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("accountId", accountId);
        title = title == null ? null : title.strip();
        Money.scaleOf(currency);
        lines = Checks.list("lines", lines);
        SalesLines.requireUniqueLineNos("lines", lines);
        SalesLines.requireCurrency("lines", lines, currency);
        Checks.required("wholeOrderDiscount", wholeOrderDiscount);
        Checks.required("subtotal", subtotal);
        Checks.required("total", total);
        SalesLines.requireCurrency("subtotal", subtotal, currency);
        SalesLines.requireCurrency("total", total, currency);
        SalesLines.requireTotals(lines, currency, wholeOrderDiscount, subtotal, total);
        Checks.required("status", status);
        Checks.required("owner", owner);
        customFields = customFields == null ? CustomFields.none() : customFields;
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    /** A builder with status DRAFT, version 0, no lines, no discount and no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this quote's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).accountId(accountId).opportunityId(opportunityId).title(title)
                .currency(currency).lines(lines).wholeOrderDiscount(wholeOrderDiscount).subtotal(subtotal)
                .total(total).status(status).validUntil(validUntil).copiedFrom(copiedFrom).owner(owner)
                .customFields(customFields).version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /**
     * This quote sent (DRAFT → SENT), changed at {@code at}.
     *
     * @throws IllegalTransitionException unless DRAFT
     */
    public Quote send(Instant at) {
        return moved(QuoteStatus::send, at);
    }

    /**
     * This quote accepted (SENT → ACCEPTED), changed at {@code at}.
     *
     * @throws IllegalTransitionException unless SENT
     */
    public Quote accept(Instant at) {
        return moved(QuoteStatus::accept, at);
    }

    /**
     * This quote rejected (SENT → REJECTED), changed at {@code at}.
     *
     * @throws IllegalTransitionException unless SENT
     */
    public Quote reject(Instant at) {
        return moved(QuoteStatus::reject, at);
    }

    /**
     * This quote expired (DRAFT or SENT → EXPIRED), changed at {@code at}.
     *
     * @throws IllegalTransitionException unless DRAFT or SENT
     */
    public Quote expire(Instant at) {
        return moved(QuoteStatus::expire, at);
    }

    private Quote moved(UnaryOperator<QuoteStatus> move, Instant at) {
        QuoteStatus next = move.apply(status);
        return toBuilder().status(next).updatedAt(Checks.required("at", at)).build();
    }

    /** Builds a {@link Quote}; {@link #build()} runs the canonical constructor's checks. */
    public static final class Builder {
        private QuoteId id;
        private TenantId tenantId;
        private AccountId accountId;
        private OpportunityId opportunityId;
        private String title;
        private Currency currency;
        private List<SalesLine> lines = List.of();
        private Discount wholeOrderDiscount = Discount.NONE;
        private Money subtotal;
        private Money total;
        private QuoteStatus status = QuoteStatus.DRAFT;
        private LocalDate validUntil;
        private QuoteId copiedFrom;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets the id. */
        public Builder id(QuoteId id) {
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

        /** Sets the opportunity, or {@code null}. */
        public Builder opportunityId(OpportunityId opportunityId) {
            this.opportunityId = opportunityId;
            return this;
        }

        /** Sets the title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets the currency. */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /** Sets the lines (default none). */
        public Builder lines(List<SalesLine> lines) {
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

        /** Sets the status (default DRAFT). */
        public Builder status(QuoteStatus status) {
            this.status = status;
            return this;
        }

        /** Sets the last valid day, or {@code null}. */
        public Builder validUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
            return this;
        }

        /** Sets the quote the lines were copied from, or {@code null}. */
        public Builder copiedFrom(QuoteId copiedFrom) {
            this.copiedFrom = copiedFrom;
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
         * The quote.
         *
         * @throws ValidationException as the canonical constructor does
         */
        public Quote build() {
            return new Quote(id, tenantId, accountId, opportunityId, title, currency, lines, wholeOrderDiscount,
                    subtotal, total, status, validUntil, copiedFrom, owner, customFields, version, createdAt,
                    updatedAt);
        }
    }
}
