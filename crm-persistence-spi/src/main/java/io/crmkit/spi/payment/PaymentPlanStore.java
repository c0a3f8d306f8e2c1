package io.crmkit.spi.payment;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.payment.PaymentPlanId;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.query.DueInstallment;
import java.time.LocalDate;

/** Payment plans (回款计划). The contract is {@link RecordStore}'s. */
public interface PaymentPlanStore extends RecordStore<PaymentPlan, PaymentPlanId> {

    /**
     * One page of the tenant's installments that are not fully paid and fall due in
     * [{@code from}, {@code to}] (both inclusive), ordered by due date, then plan id, then
     * installment number. Reminder sweeps ask for the coming days; overdue sweeps and
     * reconciliation for everything up to today ({@code from} = {@link LocalDate#MIN} for "any").
     */
    Page<DueInstallment> dueInstallments(TenantId tenant, LocalDate from, LocalDate to, PageRequest page);
}
