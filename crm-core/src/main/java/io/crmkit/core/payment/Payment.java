package io.crmkit.core.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Owned;
import io.crmkit.core.sales.SalesOrderId;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money received from an account (回款).
 *
 * <p>A payment may be recorded before anyone knows which order it pays for; the parts applied to
 * orders (and plan installments) are {@link PaymentAllocation}s, added later. {@link #allocated()}
 * is the sum of the payment's active allocations, kept in step by the payment rules through
 * {@link #allocate(Money)} and {@link #release(Money)}; the constructor guarantees
 * {@code 0 <= allocated <= amount} in the payment's currency, so the unallocated remainder is never
 * negative.
 *
 * @param id the payment's id
 * @param tenantId the owning tenant
 * @param accountId the account that paid
 * @param amount the amount received; greater than zero; its currency is the payment's currency
 * @param receivedOn the calendar date the money arrived, in the tenant's zone
 * @param method how the money arrived
 * @param externalReference the bank's or payment provider's transaction id, stored stripped (at
 *     most {@value #MAX_EXTERNAL_REFERENCE} characters), or null. Recording the same reference twice
 *     is idempotent: the payment rules look payments up by it
 * @param orderId the sales order the payment was recorded against, or null when nobody knows yet;
 *     only a hint: allocations say where the money actually went
 * @param allocated the sum of the payment's active allocations, from zero to {@code amount}, in the
 *     payment's currency; null means zero
 * @param note free text (stripped; blank becomes null), or null
 * @param owner the user responsible for the payment
 * @param customFields the tenant's custom fields
 * @param version the optimistic-locking version
 * @param createdAt when the payment was recorded
 * @param updatedAt when the payment last changed
 */
public record Payment(
        PaymentId id,
        TenantId tenantId,
        AccountId accountId,
        Money amount,
        LocalDate receivedOn,
        PaymentMethod method,
        String externalReference,
        SalesOrderId orderId,
        Money allocated,
        @Size(max = Payment.MAX_NOTE) String note,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<PaymentId>, Owned {

    /** Longest external reference; stores size their unique-key column to it. */
    public static final int MAX_EXTERNAL_REFERENCE = 128;

    /** Longest note. */
    public static final int MAX_NOTE = 2000;

    /**
     * Checks the structure and the allocation invariant.
     *
     * @throws ValidationException if a required part is missing, the amount is not positive, the
     *     external reference is too long, or {@code allocated} is negative, above the amount or in
     *     another currency
     */
    public Payment {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("accountId", accountId);
        PaymentAmounts.positive("amount", amount);
        Checks.required("receivedOn", receivedOn);
        Checks.required("method", method);
        externalReference = Checks.optionalText("externalReference", externalReference, MAX_EXTERNAL_REFERENCE);
        // Length is a content rule reported by CrmValidation together with the other fields.
        note = Checks.optionalText("note", note, Integer.MAX_VALUE);
        allocated = allocated == null ? Money.zero(amount.currency()) : allocated;
        PaymentAmounts.inCurrency("allocated", amount.currency(), allocated);
        PaymentAmounts.nonNegative("allocated", allocated);
        if (allocated.isGreaterThan(amount)) {
            throw ValidationException.of("allocated", ErrorCode.FIELD_OUT_OF_RANGE,
                    Money.zero(amount.currency()), amount, allocated);
        }
        Checks.required("owner", owner);
        customFields = customFields == null ? CustomFields.none() : customFields;
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    /** The part of the payment not yet allocated: {@code amount - allocated}, never negative. */
    @JsonIgnore
    public Money unallocated() {
        return amount.minus(allocated);
    }

    /** Whether every unit of the payment is allocated. */
    @JsonIgnore
    public boolean isFullyAllocated() {
        return allocated.equals(amount);
    }

    /**
     * This payment with {@code part} more allocated; everything else, including
     * {@code updatedAt}, unchanged (the caller stamps the write).
     *
     * @param part the amount of a new allocation; greater than zero, in the payment's currency
     * @return the new value
     * @throws ValidationException if {@code part} is missing, not positive or in another currency
     * @throws RuleViolationException rule {@code payment.over-allocation} with the
     *     {@linkplain #unallocated() unallocated} amount as limit, if {@code part} exceeds it
     */
    public Payment allocate(Money part) {
        requirePart(part);
        Money left = unallocated();
        if (part.isGreaterThan(left)) {
            throw new RuleViolationException("payment.over-allocation", left,
                    "cannot allocate " + part + " of payment " + id + ": only " + left + " is unallocated");
        }
        return toBuilder().allocated(allocated.plus(part)).build();
    }

    /**
     * This payment with {@code part} less allocated, after an allocation was reversed; everything
     * else unchanged.
     *
     * @param part the amount of the reversed allocation; greater than zero, in the payment's currency
     * @return the new value
     * @throws ValidationException if {@code part} is missing, not positive or in another currency
     * @throws RuleViolationException rule {@code payment.over-release} with the allocated amount as
     *     limit, if {@code part} exceeds it (allocated never goes below zero)
     */
    public Payment release(Money part) {
        requirePart(part);
        if (part.isGreaterThan(allocated)) {
            throw new RuleViolationException("payment.over-release", allocated,
                    "cannot release " + part + " of payment " + id + ": only " + allocated + " is allocated");
        }
        return toBuilder().allocated(allocated.minus(part)).build();
    }

    private void requirePart(Money part) {
        PaymentAmounts.inCurrency("part", amount.currency(), Checks.required("part", part));
        PaymentAmounts.positive("part", part);
    }

    /** A builder with version 0, nothing allocated and no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this payment's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .tenantId(tenantId)
                .accountId(accountId)
                .amount(amount)
                .receivedOn(receivedOn)
                .method(method)
                .externalReference(externalReference)
                .orderId(orderId)
                .allocated(allocated)
                .note(note)
                .owner(owner)
                .customFields(customFields)
                .version(version)
                .createdAt(createdAt)
                .updatedAt(updatedAt);
    }

    /** Builds a {@link Payment}; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private PaymentId id;
        private TenantId tenantId;
        private AccountId accountId;
        private Money amount;
        private LocalDate receivedOn;
        private PaymentMethod method;
        private String externalReference;
        private SalesOrderId orderId;
        private Money allocated;
        private String note;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link Payment#id()}. */
        public Builder id(PaymentId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link Payment#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link Payment#accountId()}. */
        public Builder accountId(AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets {@link Payment#amount()}. */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** Sets {@link Payment#receivedOn()}. */
        public Builder receivedOn(LocalDate receivedOn) {
            this.receivedOn = receivedOn;
            return this;
        }

        /** Sets {@link Payment#method()}. */
        public Builder method(PaymentMethod method) {
            this.method = method;
            return this;
        }

        /** Sets {@link Payment#externalReference()}; null for none. */
        public Builder externalReference(String externalReference) {
            this.externalReference = externalReference;
            return this;
        }

        /** Sets {@link Payment#orderId()}; null when unknown. */
        public Builder orderId(SalesOrderId orderId) {
            this.orderId = orderId;
            return this;
        }

        /** Sets {@link Payment#allocated()}; null (the default) means zero. */
        public Builder allocated(Money allocated) {
            this.allocated = allocated;
            return this;
        }

        /** Sets {@link Payment#note()}; null for none. */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** Sets {@link Payment#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link Payment#customFields()}. */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets {@link Payment#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link Payment#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link Payment#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The payment.
         *
         * @throws ValidationException as the {@link Payment} constructor does
         */
        public Payment build() {
            return new Payment(id, tenantId, accountId, amount, receivedOn, method, externalReference,
                    orderId, allocated, note, owner, customFields, version, createdAt, updatedAt);
        }
    }
}
