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

/**
 * A sales contract (销售合同) with an account, possibly from a quote.
 *
 * <p>The contract amount is the agreed amount; product lines are optional detail and need not add up
 * to it. The constructor guarantees: amount and lines in {@link #currency()}, unique line numbers,
 * amount ≥ 0, the period not ending before it starts, and a signing date on every contract that has
 * been in force (ACTIVE or EXPIRED).
 *
 * @param id the contract's id
 * @param tenantId the owning tenant
 * @param accountId the buying account
 * @param sourceQuoteId the quote it came from, or {@code null}
 * @param number the contract number, 1 to 64 characters
 * @param title the contract's title, or {@code null}; at most 200 characters
 * @param currency the contract's currency
 * @param lines the product lines, possibly none, in {@code currency}, with unique line numbers
 * @param wholeOrderDiscount the whole-order discount (整单折扣) agreed on the lines, which orders made
 *     from the contract start from; {@code null} reads as {@link Discount#NONE} (contracts stored before
 *     the field existed)
 * @param amount the agreed contract amount, zero or more
 * @param startsOn the first day of the contract period, or {@code null} while not agreed
 * @param endsOn the last day of the contract period, not before {@code startsOn}, or {@code null}
 * @param attachments references to files the host stores (the signed document, annexes)
 * @param status where the contract is in its life cycle
 * @param signedOn the day it was signed, or {@code null}; required once ACTIVE or EXPIRED
 * @param owner the owning user
 * @param customFields the tenant's custom fields
 * @param version the version the record was read at, 0 before it is stored
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Contract(
        ContractId id,
        TenantId tenantId,
        AccountId accountId,
        QuoteId sourceQuoteId,
        @NotBlank @Size(max = Contract.MAX_NUMBER) String number,
        @Size(max = Contract.MAX_TITLE) String title,
        Currency currency,
        @Valid List<SalesLine> lines,
        Discount wholeOrderDiscount,
        Money amount,
        LocalDate startsOn,
        LocalDate endsOn,
        @Valid List<AttachmentRef> attachments,
        ContractStatus status,
        LocalDate signedOn,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<ContractId>, Owned {

    /** Longest contract number. */
    public static final int MAX_NUMBER = 64;

    /** Longest contract title. */
    public static final int MAX_TITLE = 200;

    /**
     * Checks the structural invariants.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing required part
     *     (including the signing date of an ACTIVE or EXPIRED contract), {@link ErrorCode#CURRENCY_MISMATCH}
     *     for a line or amount in another currency, {@link ErrorCode#FIELD_NEGATIVE} for a negative
     *     amount, {@link ErrorCode#FIELD_INVALID} for a duplicate line number or a period that ends
     *     before it starts
     */
    public Contract {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("accountId", accountId);
        number = number == null ? null : number.strip();
        title = title == null || title.isBlank() ? null : title.strip();
        Money.scaleOf(currency);
        lines = Checks.list("lines", lines);
        SalesLines.requireUniqueLineNos("lines", lines);
        SalesLines.requireCurrency("lines", lines, currency);
        wholeOrderDiscount = wholeOrderDiscount == null ? Discount.NONE : wholeOrderDiscount;
        Checks.required("amount", amount);
        SalesLines.requireCurrency("amount", amount, currency);
        Checks.nonNegative("amount", amount.amount());
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw ValidationException.of("endsOn", ErrorCode.FIELD_INVALID,
                    "the period ends on " + endsOn + ", before it starts on " + startsOn);
        }
        attachments = Checks.list("attachments", attachments);
        Checks.required("status", status);
        if (status.isSigned() && signedOn == null) {
            throw ValidationException.of("signedOn", ErrorCode.FIELD_REQUIRED);
        }
        Checks.required("owner", owner);
        customFields = customFields == null ? CustomFields.none() : customFields;
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    /** A builder with status DRAFT, version 0, no lines, no discount, no attachments and no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this contract's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).accountId(accountId).sourceQuoteId(sourceQuoteId).number(number)
                .title(title).currency(currency).lines(lines).wholeOrderDiscount(wholeOrderDiscount).amount(amount).startsOn(startsOn).endsOn(endsOn)
                .attachments(attachments).status(status).signedOn(signedOn).owner(owner)
                .customFields(customFields).version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /**
     * This contract signed on {@code signedOn} and in force (DRAFT → ACTIVE), changed at {@code at}.
     *
     * @throws IllegalTransitionException unless DRAFT
     * @throws ValidationException when {@code signedOn} is missing
     */
    public Contract activate(LocalDate signedOn, Instant at) {
        ContractStatus next = status.activate();
        return toBuilder().status(next).signedOn(Checks.required("signedOn", signedOn))
                .updatedAt(Checks.required("at", at)).build();
    }

    /**
     * This contract run to its end (ACTIVE → EXPIRED), changed at {@code at}.
     *
     * @throws IllegalTransitionException unless ACTIVE
     */
    public Contract expire(Instant at) {
        ContractStatus next = status.expire();
        return toBuilder().status(next).updatedAt(Checks.required("at", at)).build();
    }

    /**
     * This contract terminated (DRAFT or ACTIVE → TERMINATED), changed at {@code at}.
     *
     * @throws IllegalTransitionException unless DRAFT or ACTIVE
     */
    public Contract terminate(Instant at) {
        ContractStatus next = status.terminate();
        return toBuilder().status(next).updatedAt(Checks.required("at", at)).build();
    }

    /** Builds a {@link Contract}; {@link #build()} runs the canonical constructor's checks. */
    public static final class Builder {
        private ContractId id;
        private TenantId tenantId;
        private AccountId accountId;
        private QuoteId sourceQuoteId;
        private String number;
        private String title;
        private Currency currency;
        private List<SalesLine> lines = List.of();
        private Discount wholeOrderDiscount = Discount.NONE;
        private Money amount;
        private LocalDate startsOn;
        private LocalDate endsOn;
        private List<AttachmentRef> attachments = List.of();
        private ContractStatus status = ContractStatus.DRAFT;
        private LocalDate signedOn;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets the id. */
        public Builder id(ContractId id) {
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

        /** Sets the contract number. */
        public Builder number(String number) {
            this.number = number;
            return this;
        }

        /** Sets the title, or {@code null}. */
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

        /** Sets the whole-order discount (default none). */
        public Builder wholeOrderDiscount(Discount wholeOrderDiscount) {
            this.wholeOrderDiscount = wholeOrderDiscount;
            return this;
        }

        /** Sets the contract amount. */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** Sets the first day of the period, or {@code null}. */
        public Builder startsOn(LocalDate startsOn) {
            this.startsOn = startsOn;
            return this;
        }

        /** Sets the last day of the period, or {@code null}. */
        public Builder endsOn(LocalDate endsOn) {
            this.endsOn = endsOn;
            return this;
        }

        /** Sets the attachment references (default none). */
        public Builder attachments(List<AttachmentRef> attachments) {
            this.attachments = attachments;
            return this;
        }

        /** Sets the status (default DRAFT). */
        public Builder status(ContractStatus status) {
            this.status = status;
            return this;
        }

        /** Sets the signing date, or {@code null}. */
        public Builder signedOn(LocalDate signedOn) {
            this.signedOn = signedOn;
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
         * The contract.
         *
         * @throws ValidationException as the canonical constructor does
         */
        public Contract build() {
            return new Contract(id, tenantId, accountId, sourceQuoteId, number, title, currency, lines, wholeOrderDiscount, amount,
                    startsOn, endsOn, attachments, status, signedOn, owner, customFields, version, createdAt,
                    updatedAt);
        }
    }
}
