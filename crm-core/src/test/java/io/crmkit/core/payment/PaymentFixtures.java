package io.crmkit.core.payment;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.sales.SalesOrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Valid payment-area values for tests to vary. */
final class PaymentFixtures {
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency USD = Currency.getInstance("USD");
    static final List<Currency> CURRENCIES = List.of(CNY, JPY, USD);

    static final TenantId TENANT = TenantId.of("t1");
    static final AccountId ACCOUNT = AccountId.of("acc-1");
    static final SalesOrderId ORDER = SalesOrderId.of("so-1");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    private PaymentFixtures() {}

    /** A currency of the test set other than {@code c}. */
    static Currency other(Currency c) {
        return c.equals(CNY) ? USD : CNY;
    }

    static Payment.Builder payment(Money amount) {
        return Payment.builder()
                .id(PaymentId.of("pay-1"))
                .tenantId(TENANT)
                .accountId(ACCOUNT)
                .amount(amount)
                .receivedOn(LocalDate.of(2026, 3, 1))
                .method(PaymentMethod.BANK_TRANSFER)
                .owner(ALICE)
                .createdAt(T0)
                .updatedAt(T0);
    }

    static PaymentAllocation.Builder allocation(Money amount) {
        return PaymentAllocation.builder()
                .id(PaymentAllocationId.of("alloc-1"))
                .tenantId(TENANT)
                .paymentId(PaymentId.of("pay-1"))
                .orderId(ORDER)
                .amount(amount)
                .allocatedAt(T0)
                .allocatedBy(ALICE)
                .createdAt(T0)
                .updatedAt(T0);
    }

    static PaymentPlan.Builder plan(Currency currency, List<Installment> installments) {
        return PaymentPlan.builder()
                .id(PaymentPlanId.of("plan-1"))
                .tenantId(TENANT)
                .accountId(ACCOUNT)
                .orderId(ORDER)
                .currency(currency)
                .installments(installments)
                .createdAt(T0)
                .updatedAt(T0);
    }
}
