package io.crmkit.core.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.sales.SalesOrderId;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The part of a payment applied to one sales order, and optionally to one installment of a payment
 * plan (回款明细).
 *
 * <p>An allocation is never edited or deleted: a mistake is {@linkplain #reverse reversed} (who,
 * when and why are kept) and, if needed, a new allocation is made. Only active allocations count
 * towards {@link Payment#allocated()} and an installment's {@link Installment#paid()}.
 *
 * @param id the allocation's id
 * @param tenantId the owning tenant
 * @param paymentId the payment the money comes from
 * @param orderId the sales order the money settles
 * @param planId the payment plan whose installment the money settles, or null when the allocation
 *     settles the order only
 * @param installmentNumber the {@linkplain Installment#number() number} of that installment; present
 *     exactly when {@code planId} is, and then at least 1; otherwise null
 * @param amount the amount applied; greater than zero, in the payment's currency
 * @param allocatedAt when the allocation was made
 * @param allocatedBy who made it
 * @param reversedAt when it was reversed, or null while it is active
 * @param reversedBy who reversed it, or null while it is active
 * @param reversalReason why it was reversed (stripped), or null while it is active; the three
 *     reversal fields are all present or all null
 * @param version the optimistic-locking version
 * @param createdAt when the allocation was stored
 * @param updatedAt when it last changed (its reversal)
 */
public record PaymentAllocation(
        PaymentAllocationId id,
        TenantId tenantId,
        PaymentId paymentId,
        SalesOrderId orderId,
        PaymentPlanId planId,
        Integer installmentNumber,
        Money amount,
        Instant allocatedAt,
        UserId allocatedBy,
        Instant reversedAt,
        UserId reversedBy,
        @Size(max = PaymentAllocation.MAX_REVERSAL_REASON) String reversalReason,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<PaymentAllocationId> {

    /** Longest reversal reason. */
    public static final int MAX_REVERSAL_REASON = 500;

    /** The state machine name in {@link IllegalTransitionException}s of allocations. */
    public static final String MACHINE = "payment-allocation";

    /**
     * Checks the structure: the installment reference is complete or absent, and the reversal is
     * complete or absent.
     *
     * @throws ValidationException if a required part is missing, the amount is not positive, the
     *     installment number is given without a plan (or the other way round) or below 1, or only
     *     some of the reversal fields are present (the reason is required when reversed)
     */
    public PaymentAllocation {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("paymentId", paymentId);
        Checks.required("orderId", orderId);
        if (planId != null) {
            Checks.required("installmentNumber", installmentNumber);
            Checks.range("installmentNumber", installmentNumber, 1, Integer.MAX_VALUE);
        } else if (installmentNumber != null) {
            // A number alone cannot say which plan it belongs to.
            throw ValidationException.of("planId", ErrorCode.FIELD_REQUIRED);
        }
        PaymentAmounts.positive("amount", amount);
        Checks.required("allocatedAt", allocatedAt);
        Checks.required("allocatedBy", allocatedBy);
        reversalReason = Checks.optionalText("reversalReason", reversalReason, Integer.MAX_VALUE);
        if (reversedAt != null || reversedBy != null || reversalReason != null) {
            Checks.required("reversedAt", reversedAt);
            Checks.required("reversedBy", reversedBy);
            Checks.required("reversalReason", reversalReason);
        }
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    /** Whether the allocation counts: true until it is reversed. */
    @JsonIgnore
    public boolean isActive() {
        return reversedAt == null;
    }

    /**
     * This allocation reversed by {@code by} at {@code at} because of {@code reason}; {@code updatedAt}
     * becomes {@code at}. The caller then {@linkplain Payment#release releases} the amount on the
     * payment and, for an installment, on the plan.
     *
     * @param by who reverses it
     * @param at when
     * @param reason why; required (blank counts as missing)
     * @return the reversed allocation
     * @throws IllegalTransitionException machine {@value #MACHINE}, if it is already reversed
     * @throws ValidationException if {@code by}, {@code at} or {@code reason} is missing
     */
    public PaymentAllocation reverse(UserId by, Instant at, String reason) {
        if (!isActive()) {
            throw new IllegalTransitionException(MACHINE, "REVERSED", "reverse");
        }
        Checks.required("reversedBy", by);
        Checks.required("reversedAt", at);
        Checks.text("reversalReason", reason, Integer.MAX_VALUE);
        return toBuilder().reversedBy(by).reversedAt(at).reversalReason(reason).updatedAt(at).build();
    }

    /** A builder with version 0 and no plan installment or reversal. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this allocation's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .tenantId(tenantId)
                .paymentId(paymentId)
                .orderId(orderId)
                .planId(planId)
                .installmentNumber(installmentNumber)
                .amount(amount)
                .allocatedAt(allocatedAt)
                .allocatedBy(allocatedBy)
                .reversedAt(reversedAt)
                .reversedBy(reversedBy)
                .reversalReason(reversalReason)
                .version(version)
                .createdAt(createdAt)
                .updatedAt(updatedAt);
    }

    /** Builds a {@link PaymentAllocation}; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private PaymentAllocationId id;
        private TenantId tenantId;
        private PaymentId paymentId;
        private SalesOrderId orderId;
        private PaymentPlanId planId;
        private Integer installmentNumber;
        private Money amount;
        private Instant allocatedAt;
        private UserId allocatedBy;
        private Instant reversedAt;
        private UserId reversedBy;
        private String reversalReason;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link PaymentAllocation#id()}. */
        public Builder id(PaymentAllocationId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link PaymentAllocation#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link PaymentAllocation#paymentId()}. */
        public Builder paymentId(PaymentId paymentId) {
            this.paymentId = paymentId;
            return this;
        }

        /** Sets {@link PaymentAllocation#orderId()}. */
        public Builder orderId(SalesOrderId orderId) {
            this.orderId = orderId;
            return this;
        }

        /** Sets {@link PaymentAllocation#planId()}; null for none. */
        public Builder planId(PaymentPlanId planId) {
            this.planId = planId;
            return this;
        }

        /** Sets {@link PaymentAllocation#installmentNumber()}; null for none. */
        public Builder installmentNumber(Integer installmentNumber) {
            this.installmentNumber = installmentNumber;
            return this;
        }

        /** Sets plan and installment number together. */
        public Builder installment(PaymentPlanId planId, int installmentNumber) {
            this.planId = planId;
            this.installmentNumber = installmentNumber;
            return this;
        }

        /** Sets {@link PaymentAllocation#amount()}. */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** Sets {@link PaymentAllocation#allocatedAt()}. */
        public Builder allocatedAt(Instant allocatedAt) {
            this.allocatedAt = allocatedAt;
            return this;
        }

        /** Sets {@link PaymentAllocation#allocatedBy()}. */
        public Builder allocatedBy(UserId allocatedBy) {
            this.allocatedBy = allocatedBy;
            return this;
        }

        /** Sets {@link PaymentAllocation#reversedAt()}; null while active. */
        public Builder reversedAt(Instant reversedAt) {
            this.reversedAt = reversedAt;
            return this;
        }

        /** Sets {@link PaymentAllocation#reversedBy()}; null while active. */
        public Builder reversedBy(UserId reversedBy) {
            this.reversedBy = reversedBy;
            return this;
        }

        /** Sets {@link PaymentAllocation#reversalReason()}; null while active. */
        public Builder reversalReason(String reversalReason) {
            this.reversalReason = reversalReason;
            return this;
        }

        /** Sets {@link PaymentAllocation#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link PaymentAllocation#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link PaymentAllocation#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The allocation.
         *
         * @throws ValidationException as the {@link PaymentAllocation} constructor does
         */
        public PaymentAllocation build() {
            return new PaymentAllocation(id, tenantId, paymentId, orderId, planId, installmentNumber,
                    amount, allocatedAt, allocatedBy, reversedAt, reversedBy, reversalReason, version,
                    createdAt, updatedAt);
        }
    }
}
