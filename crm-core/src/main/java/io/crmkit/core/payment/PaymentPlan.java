package io.crmkit.core.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.SalesOrderId;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The payments expected for one sales order or one contract (回款计划), as numbered installments
 * with due dates and amounts.
 *
 * <p>Installment statuses are not stored: each {@link Installment#standing} is derived from what
 * active allocations have paid and the tenant's date. Whether the plan may add up to more or less
 * than the order or contract is a tenant rule checked by the payment rules, not an invariant of
 * the plan.
 *
 * @param id the plan's id
 * @param tenantId the owning tenant
 * @param accountId the account expected to pay
 * @param orderId the sales order the plan is for, or null when it is for a contract
 * @param contractId the contract the plan is for, or null when it is for an order; exactly one of
 *     {@code orderId} and {@code contractId} is present
 * @param currency the currency of every installment
 * @param installments the installments, ordered by number (the constructor sorts them); numbers
 *     are unique
 * @param version the optimistic-locking version
 * @param createdAt when the plan was created
 * @param updatedAt when it last changed
 */
public record PaymentPlan(
        PaymentPlanId id,
        TenantId tenantId,
        AccountId accountId,
        SalesOrderId orderId,
        ContractId contractId,
        Currency currency,
        @NotEmpty List<Installment> installments,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<PaymentPlanId> {

    /**
     * Checks the structure, the target, the currency of every installment and that installment
     * numbers are unique; orders the installments by number.
     *
     * @throws ValidationException if a required part is missing; with
     *     {@link ErrorCode#PAYMENT_PLAN_TARGET} on {@code orderId} and {@code contractId} if both or
     *     neither are present; with {@link ErrorCode#CURRENCY_MISMATCH} if an installment is in
     *     another currency; with {@link ErrorCode#FIELD_INVALID} if a number appears twice
     */
    public PaymentPlan {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("accountId", accountId);
        if ((orderId == null) == (contractId == null)) {
            throw new ValidationException(List.of(
                    Violation.of("orderId", ErrorCode.PAYMENT_PLAN_TARGET),
                    Violation.of("contractId", ErrorCode.PAYMENT_PLAN_TARGET)));
        }
        Money.scaleOf(currency); // rejects null and currencies without minor unit
        installments = Checks.list("installments", installments);
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < installments.size(); i++) {
            Installment installment = installments.get(i);
            PaymentAmounts.inCurrency("installments[" + i + "].amount", currency, installment.amount());
            if (!numbers.add(installment.number())) {
                throw ValidationException.of("installments[" + i + "].number", ErrorCode.FIELD_INVALID,
                        "installment number " + installment.number() + " appears more than once");
            }
        }
        installments = installments.stream().sorted(Comparator.comparingInt(Installment::number)).toList();
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    /**
     * Installments numbered 1, 2, ... from parallel lists of due dates and amounts, nothing paid yet.
     * The amounts are taken as given: splitting a total (say 30/50/20) is the caller's job.
     *
     * @param dueDates the due dates, in installment order
     * @param amounts the amounts, in the same order; greater than zero
     * @return the installments, in order
     * @throws ValidationException if a list or element is missing, the lists differ in size
     *     ({@link ErrorCode#FIELD_OUT_OF_RANGE} on {@code amounts}), or an amount is not positive
     */
    public static List<Installment> installmentsFrom(List<LocalDate> dueDates, List<Money> amounts) {
        List<LocalDate> dates = Checks.list("dueDates", Checks.required("dueDates", dueDates));
        List<Money> money = Checks.list("amounts", Checks.required("amounts", amounts));
        if (dates.size() != money.size()) {
            throw ValidationException.of("amounts", ErrorCode.FIELD_OUT_OF_RANGE, dates.size(), dates.size(), money.size());
        }
        List<Installment> result = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            result.add(Installment.of(i + 1, dates.get(i), money.get(i)));
        }
        return List.copyOf(result);
    }

    /** The sum of all installment amounts; zero for a plan without installments. */
    @JsonIgnore
    public Money total() {
        return installments.stream().map(Installment::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** The sum of what has been paid on all installments. */
    @JsonIgnore
    public Money totalPaid() {
        return installments.stream().map(Installment::paid).reduce(Money.zero(currency), Money::plus);
    }

    /**
     * The installment numbered {@code number}.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code installmentNumber}
     *     if the plan has no such installment
     */
    public Installment installment(int number) {
        return installments.get(indexOf(number));
    }

    /**
     * This plan with {@code part} more paid on installment {@code number}; everything else,
     * including {@code updatedAt}, unchanged (the caller stamps the write).
     *
     * @param number the installment's number
     * @param part the amount of a new allocation to it; greater than zero, in the plan's currency
     * @return the new value
     * @throws ValidationException if there is no such installment, or {@code part} is missing, not
     *     positive or in another currency
     * @throws RuleViolationException rule {@code installment.over-payment} with the installment's
     *     outstanding amount as limit, if {@code part} exceeds it
     */
    public PaymentPlan recordPayment(int number, Money part) {
        int index = indexOf(number);
        return withInstallment(index, installments.get(index).recordPayment(part));
    }

    /**
     * This plan with {@code part} less paid on installment {@code number}, after an allocation to
     * it was reversed.
     *
     * @param number the installment's number
     * @param part the amount of the reversed allocation; greater than zero, in the plan's currency
     * @return the new value
     * @throws ValidationException if there is no such installment, or {@code part} is missing, not
     *     positive or in another currency
     * @throws RuleViolationException rule {@code installment.over-release} with the installment's
     *     paid amount as limit, if {@code part} exceeds it
     */
    public PaymentPlan releasePayment(int number, Money part) {
        int index = indexOf(number);
        return withInstallment(index, installments.get(index).releasePayment(part));
    }

    private int indexOf(int number) {
        for (int i = 0; i < installments.size(); i++) {
            if (installments.get(i).number() == number) {
                return i;
            }
        }
        throw ValidationException.of("installmentNumber", ErrorCode.FIELD_INVALID,
                "payment plan " + id + " has no installment " + number);
    }

    private PaymentPlan withInstallment(int index, Installment replacement) {
        List<Installment> copy = new ArrayList<>(installments);
        copy.set(index, replacement);
        return toBuilder().installments(copy).build();
    }

    /** A builder with version 0 and no installments. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this plan's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .tenantId(tenantId)
                .accountId(accountId)
                .orderId(orderId)
                .contractId(contractId)
                .currency(currency)
                .installments(installments)
                .version(version)
                .createdAt(createdAt)
                .updatedAt(updatedAt);
    }

    /** Builds a {@link PaymentPlan}; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private PaymentPlanId id;
        private TenantId tenantId;
        private AccountId accountId;
        private SalesOrderId orderId;
        private ContractId contractId;
        private Currency currency;
        private List<Installment> installments = List.of();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link PaymentPlan#id()}. */
        public Builder id(PaymentPlanId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link PaymentPlan#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link PaymentPlan#accountId()}. */
        public Builder accountId(AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets {@link PaymentPlan#orderId()}; null when the plan is for a contract. */
        public Builder orderId(SalesOrderId orderId) {
            this.orderId = orderId;
            return this;
        }

        /** Sets {@link PaymentPlan#contractId()}; null when the plan is for an order. */
        public Builder contractId(ContractId contractId) {
            this.contractId = contractId;
            return this;
        }

        /** Sets {@link PaymentPlan#currency()}. */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /** Sets {@link PaymentPlan#installments()}. */
        public Builder installments(List<Installment> installments) {
            this.installments = installments;
            return this;
        }

        /** Sets {@link PaymentPlan#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link PaymentPlan#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link PaymentPlan#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The plan.
         *
         * @throws ValidationException as the {@link PaymentPlan} constructor does
         */
        public PaymentPlan build() {
            return new PaymentPlan(id, tenantId, accountId, orderId, contractId, currency, installments,
                    version, createdAt, updatedAt);
        }
    }
}
