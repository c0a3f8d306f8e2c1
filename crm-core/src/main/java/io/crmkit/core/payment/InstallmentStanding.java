package io.crmkit.core.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;

/**
 * Where an installment stands on a given day, as derived by {@link Installment#standing}. The
 * status alone would hide a partial payment on an overdue installment, so the standing always
 * carries what is paid and what is outstanding.
 *
 * <p>The constructor accepts only consistent combinations, so a standing built by hand (or read
 * from JSON) cannot contradict its amounts.
 *
 * @param status the derived status
 * @param paid what has been paid; zero or more
 * @param outstanding what is still to be paid; zero or more, in the currency of {@code paid}; zero
 *     exactly when the status is {@link InstallmentStatus#PAID}
 * @param daysOverdue calendar days since the due date; above zero exactly when the status is
 *     {@link InstallmentStatus#OVERDUE}, otherwise 0
 */
public record InstallmentStanding(InstallmentStatus status, Money paid, Money outstanding, long daysOverdue) {

    /**
     * Checks that status, amounts and days agree.
     *
     * @throws ValidationException if a part is missing, an amount is negative, the currencies differ,
     *     or the status contradicts the amounts or the days overdue
     */
    public InstallmentStanding {
        Checks.required("status", status);
        PaymentAmounts.nonNegative("paid", paid);
        PaymentAmounts.nonNegative("outstanding", outstanding);
        PaymentAmounts.inCurrency("outstanding", paid.currency(), outstanding);
        Checks.range("daysOverdue", daysOverdue, 0, Long.MAX_VALUE);
        boolean consistent = switch (status) {
            case PAID -> outstanding.isZero() && daysOverdue == 0;
            case OVERDUE -> !outstanding.isZero() && daysOverdue > 0;
            case PARTIALLY_PAID -> !outstanding.isZero() && paid.isPositive() && daysOverdue == 0;
            case PENDING -> !outstanding.isZero() && paid.isZero() && daysOverdue == 0;
        };
        if (!consistent) {
            throw ValidationException.of("status", ErrorCode.FIELD_INVALID,
                    status + " contradicts paid " + paid + ", outstanding " + outstanding
                            + " and " + daysOverdue + " days overdue");
        }
    }

    /** What the installment amounts to: {@code paid + outstanding}. */
    @JsonIgnore
    public Money amount() {
        return paid.plus(outstanding);
    }

    /**
     * Whether some but not all of the installment is paid, whatever the date: true for
     * {@link InstallmentStatus#PARTIALLY_PAID} and for an {@link InstallmentStatus#OVERDUE}
     * installment with a partial payment.
     */
    @JsonIgnore
    public boolean isPartiallyPaid() {
        return paid.isPositive() && outstanding.isPositive();
    }

    /** Whether the status is {@link InstallmentStatus#OVERDUE}. */
    @JsonIgnore
    public boolean isOverdue() {
        return status == InstallmentStatus.OVERDUE;
    }
}
