package io.crmkit.spi.query;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.PaymentPlanId;

/**
 * An installment that is not fully paid, with the plan it belongs to: what reminder and overdue
 * sweeps and auto-reconciliation work through.
 *
 * @param planId the plan
 * @param accountId the plan's account
 * @param planVersion the plan's version when read, to update it optimistically
 * @param installment the installment
 */
public record DueInstallment(PaymentPlanId planId, AccountId accountId, long planVersion, Installment installment) {
    /** Validates the parts. */
    public DueInstallment {
        Checks.required("planId", planId);
        Checks.required("accountId", accountId);
        Checks.required("installment", installment);
    }
}
