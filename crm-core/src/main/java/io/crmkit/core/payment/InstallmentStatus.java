package io.crmkit.core.payment;

/**
 * Where an installment of a payment plan stands. Never stored and never set by hand: it is always
 * derived from what was paid and the date, by {@link Installment#standing(java.time.LocalDate)}.
 */
public enum InstallmentStatus {
    /** Nothing paid yet and not yet past the due date (待回款). */
    PENDING,
    /** Something but not everything paid, and not yet past the due date (部分回款). */
    PARTIALLY_PAID,
    /** Paid in full, whenever that happened (已回款). */
    PAID,
    /**
     * Not paid in full and the due date has passed (逾期): from the day after the due date on.
     * An overdue installment may still have been paid in part; see {@link InstallmentStanding#paid()}.
     */
    OVERDUE
}
