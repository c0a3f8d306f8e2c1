package io.crmkit.spi.memory;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.ChangeLogEntryId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.payment.PaymentMethod;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.payment.PaymentPlanId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.notify.Notification;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small valid records for the in-memory store's own tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-05T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final QueryContext CONTEXT = new QueryContext(NOW, SHANGHAI);
    static final TenantId TENANT = TenantId.of("t1");
    static final TenantId OTHER_TENANT = TenantId.of("t2");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");

    private Fixtures() {}

    static InMemoryCrmStore store() {
        return InMemoryCrmStore.create(CLOCK);
    }

    static Account account(TenantId tenant, String id, String level) {
        return Account.builder().id(AccountId.of(id)).tenantId(tenant).name("Account " + id).level(level)
                .owner(ALICE).ownedSince(NOW).createdAt(NOW).updatedAt(NOW).build();
    }

    static Account account(String id) {
        return account(TENANT, id, "A");
    }

    static Payment payment(String id, String externalReference) {
        return Payment.builder().id(PaymentId.of(id)).tenantId(TENANT).accountId(AccountId.of("a1"))
                .amount(Money.of("100.00", "CNY")).receivedOn(LocalDate.of(2026, 3, 1))
                .method(PaymentMethod.BANK_TRANSFER).externalReference(externalReference).owner(ALICE)
                .createdAt(NOW).updatedAt(NOW).build();
    }

    static PaymentPlan plan(String id, Installment... installments) {
        return PaymentPlan.builder().id(PaymentPlanId.of(id)).tenantId(TENANT).accountId(AccountId.of("a1"))
                .orderId(SalesOrderId.of("o-" + id)).currency(java.util.Currency.getInstance("CNY"))
                .installments(List.of(installments)).createdAt(NOW).updatedAt(NOW).build();
    }

    static ChangeLogEntry logEntry(String id, String recordId, Instant at) {
        return ChangeLogEntry.builder().id(ChangeLogEntryId.of(id)).tenantId(TENANT)
                .record(new RecordRef(RecordType.ACCOUNT, recordId)).actor(ALICE).at(at).action("account.update")
                .build();
    }

    static Notification notification(String key) {
        return notification(TENANT, key);
    }

    static Notification notification(TenantId tenant, String key) {
        return new Notification(tenant, Set.of(ALICE), "pool.recycle-warning", null, Map.of("days", "3"), key, NOW);
    }
}
