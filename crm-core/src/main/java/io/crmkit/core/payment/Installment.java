package io.crmkit.core.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One expected payment of a {@link PaymentPlan}: how much is due on which date, and how much of it
 * active allocations have paid so far.
 *
 * <p>An installment has no stored status: {@link #standing(LocalDate)} derives it from
 * {@link #paid()} and the date every time it is asked, so it cannot go stale.
 *
 * @param number the installment's number within its plan; 1 or more, unique in the plan
 * @param dueOn the calendar date by which it should be paid
 * @param amount the amount due; greater than zero
 * @param paid the sum of the active allocations to this installment; from zero to {@code amount}, in
 *     the amount's currency; null means zero
 */
public record Installment(int number, LocalDate dueOn, Money amount, Money paid) {

    /**
     * Checks the number, the amount and that {@code 0 <= paid <= amount} in one currency.
     *
     * @throws ValidationException if the number is below 1, a part is missing, the amount is not
     *     positive, or {@code paid} is negative, above the amount or in another currency
     */
    public Installment {
        Checks.range("number", number, 1, Integer.MAX_VALUE);
        Checks.required("dueOn", dueOn);
        PaymentAmounts.positive("amount", amount);
        paid = paid == null ? Money.zero(amount.currency()) : paid;
        PaymentAmounts.inCurrency("paid", amount.currency(), paid);
        PaymentAmounts.nonNegative("paid", paid);
        if (paid.isGreaterThan(amount)) {
            throw ValidationException.of("paid", ErrorCode.FIELD_OUT_OF_RANGE,
                    Money.zero(amount.currency()), amount, paid);
        }
    }

    /** An installment of {@code amount} due on {@code dueOn} with nothing paid yet. */
    public static Installment of(int number, LocalDate dueOn, Money amount) {
        return new Installment(number, dueOn, amount, null);
    }

    /** What is still to be paid: {@code amount - paid}, never negative. */
    @JsonIgnore
    public Money outstanding() {
        return amount.minus(paid);
    }

    /** Whether the installment is paid in full. */
    @JsonIgnore
    public boolean isFullyPaid() {
        return paid.equals(amount);
    }

    /**
     * Where this installment stands on {@code today}:
     * <ul>
     *   <li>{@link InstallmentStatus#PAID} when paid in full, even if that happened after the due date;
     *   <li>otherwise {@link InstallmentStatus#OVERDUE} when {@code today} is after {@link #dueOn()}:
     *       from the day after the due date on, never on the due date itself (the customer has the
     *       whole due day to pay);
     *   <li>otherwise {@link InstallmentStatus#PARTIALLY_PAID} when something is paid;
     *   <li>otherwise {@link InstallmentStatus#PENDING}.
     * </ul>
     * The standing always reports what is paid and outstanding, so an overdue installment with a
     * partial payment still shows it.
     *
     * <p>{@code today} must be the current date <em>in the tenant's zone</em>, computed by the
     * caller from its injected {@link java.time.Clock} and the tenant's {@link ZoneId}; never from
     * the JVM's default zone. {@link #standing(Instant, ZoneId)} shows how.
     *
     * @param today the tenant's current calendar date
     * @return the derived standing
     */
    public InstallmentStanding standing(LocalDate today) {
        Checks.required("today", today);
        Money outstanding = outstanding();
        if (outstanding.isZero()) {
            return new InstallmentStanding(InstallmentStatus.PAID, paid, outstanding, 0);
        }
        if (today.isAfter(dueOn)) {
            return new InstallmentStanding(InstallmentStatus.OVERDUE, paid, outstanding,
                    ChronoUnit.DAYS.between(dueOn, today));
        }
        InstallmentStatus status = paid.isZero() ? InstallmentStatus.PENDING : InstallmentStatus.PARTIALLY_PAID;
        return new InstallmentStanding(status, paid, outstanding, 0);
    }

    /**
     * Where this installment stands at the instant {@code now}, judged by the calendar of
     * {@code zone}. Callers pass {@code clock.instant()} and the tenant's zone: at
     * 2026-03-31T16:30Z it is already 1 April in Shanghai but still 31 March in UTC, so an
     * installment due on 31 March is overdue for a Shanghai tenant and not for a UTC one.
     *
     * @param now the current instant, from the caller's clock
     * @param zone the tenant's zone
     * @return {@link #standing(LocalDate)} on the tenant's date
     * @throws ValidationException if {@code now} or {@code zone} is missing
     */
    public InstallmentStanding standing(Instant now, ZoneId zone) {
        return standing(tenantDate(now, zone));
    }

    /**
     * The calendar date at {@code now} in {@code zone}: the "today" every date rule of a tenant
     * must use.
     *
     * @throws ValidationException if {@code now} or {@code zone} is missing
     */
    public static LocalDate tenantDate(Instant now, ZoneId zone) {
        Checks.required("now", now);
        Checks.required("zone", zone);
        return LocalDate.ofInstant(now, zone);
    }

    /**
     * This installment with {@code part} more paid.
     *
     * @param part the amount of a new allocation to this installment; greater than zero, in its currency
     * @return the new value
     * @throws ValidationException if {@code part} is missing, not positive or in another currency
     * @throws RuleViolationException rule {@code installment.over-payment} with the
     *     {@linkplain #outstanding() outstanding} amount as limit, if {@code part} exceeds it
     */
    public Installment recordPayment(Money part) {
        requirePart(part);
        Money outstanding = outstanding();
        if (part.isGreaterThan(outstanding)) {
            throw new RuleViolationException("installment.over-payment", outstanding,
                    "cannot pay " + part + " on installment " + number + ": only " + outstanding + " is outstanding");
        }
        return new Installment(number, dueOn, amount, paid.plus(part));
    }

    /**
     * This installment with {@code part} less paid, after an allocation to it was reversed.
     *
     * @param part the amount of the reversed allocation; greater than zero, in its currency
     * @return the new value
     * @throws ValidationException if {@code part} is missing, not positive or in another currency
     * @throws RuleViolationException rule {@code installment.over-release} with the paid amount as
     *     limit, if {@code part} exceeds it (paid never goes below zero)
     */
    public Installment releasePayment(Money part) {
        requirePart(part);
        if (part.isGreaterThan(paid)) {
            throw new RuleViolationException("installment.over-release", paid,
                    "cannot release " + part + " on installment " + number + ": only " + paid + " is paid");
        }
        return new Installment(number, dueOn, amount, paid.minus(part));
    }

    private void requirePart(Money part) {
        PaymentAmounts.inCurrency("part", amount.currency(), Checks.required("part", part));
        PaymentAmounts.positive("part", part);
    }
}
