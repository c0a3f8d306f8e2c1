package io.crmkit.spi.memory;

import static io.crmkit.spi.memory.Fixtures.ALICE;
import static io.crmkit.spi.memory.Fixtures.BOB;
import static io.crmkit.spi.memory.Fixtures.CONTEXT;
import static io.crmkit.spi.memory.Fixtures.NOW;
import static io.crmkit.spi.memory.Fixtures.TENANT;
import static io.crmkit.spi.memory.Fixtures.account;
import static io.crmkit.spi.memory.Fixtures.logEntry;
import static io.crmkit.spi.memory.Fixtures.payment;
import static io.crmkit.spi.memory.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.time.PeriodUnit;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.TransactionWork;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.ChangeLogQuery;
import io.crmkit.spi.query.DueInstallment;
import io.crmkit.spi.query.Grouping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store's own query code: unique payment references, due installments, change log, aggregates. */
class InMemoryQueriesTest {
    private static final RecordRef A1 = new RecordRef(RecordType.ACCOUNT, "a1");
    private static final Money CNY_100 = Money.of("100.00", "CNY");

    private final InMemoryCrmStore store = Fixtures.store();

    @Test
    void anExternalReferenceIsUniquePerTenantAlsoWithinOneTransaction() {
        run(tx -> tx.payments().insert(payment("p1", "BANK-1")));
        run(tx -> tx.payments().insert(payment("p2", null)));
        run(tx -> tx.payments().insert(payment("p3", null)));

        assertThatThrownBy(() -> run(tx -> tx.payments().insert(payment("p4", "BANK-1"))))
                .isInstanceOf(DuplicateRecordException.class);
        assertThatThrownBy(() -> run(tx -> {
            tx.payments().insert(payment("p5", "BANK-2"));
            return tx.payments().insert(payment("p6", "BANK-2"));
        })).isInstanceOf(DuplicateRecordException.class);
        Payment p2 = run(tx -> tx.payments().get(TENANT, PaymentId.of("p2")));
        assertThatThrownBy(() -> run(tx -> tx.payments().update(p2.toBuilder().externalReference("BANK-1").build())))
                .isInstanceOf(DuplicateRecordException.class);

        // Moving a reference from one payment to another inside one transaction is fine.
        run(tx -> {
            Payment p1 = tx.payments().get(TENANT, PaymentId.of("p1"));
            tx.payments().update(p1.toBuilder().externalReference("BANK-9").build());
            return tx.payments().update(p2.toBuilder().externalReference("BANK-1").build());
        });
        assertThat(run(tx -> tx.payments().findByExternalReference(TENANT, "BANK-1")).orElseThrow().id())
                .isEqualTo(PaymentId.of("p2"));
        assertThat(run(tx -> tx.payments().findByExternalReference(TENANT, "BANK-9")).orElseThrow().id())
                .isEqualTo(PaymentId.of("p1"));
        assertThat(store.<java.util.Optional<Payment>>transact(
                tx -> tx.payments().findByExternalReference(Fixtures.OTHER_TENANT, "BANK-1"))).isEmpty();

        run(tx -> {
            tx.payments().delete(TENANT, PaymentId.of("p2"), 2);
            return tx.payments().insert(payment("p7", "BANK-1"));
        });
        assertThat(run(tx -> tx.payments().findByExternalReference(TENANT, "BANK-1")).orElseThrow().id())
                .isEqualTo(PaymentId.of("p7"));
    }

    @Test
    void dueInstallmentsAreTheUnpaidOnesInTheWindowByDateThenPlanThenNumberPagedByKey() {
        LocalDate d1 = LocalDate.of(2026, 3, 1);
        LocalDate d2 = LocalDate.of(2026, 3, 10);
        LocalDate d3 = LocalDate.of(2026, 4, 1);
        run(tx -> {
            tx.paymentPlans().insert(plan("pl-b", Installment.of(1, d1, CNY_100), Installment.of(2, d2, CNY_100),
                    new Installment(3, d2, CNY_100, CNY_100), Installment.of(4, d3, CNY_100)));
            tx.paymentPlans().insert(plan("pl-a", Installment.of(1, d2, CNY_100),
                    new Installment(2, d2, CNY_100, Money.of("40.00", "CNY"))));
            return null;
        });

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            PageRequest current = request;
            Page<DueInstallment> page = run(tx -> tx.paymentPlans().dueInstallments(TENANT, d1, d2, current));
            page.items().forEach(due -> seen.add(due.planId().value() + "#" + due.installment().number()));
            assertThat(page.items()).allSatisfy(due -> assertThat(due.planVersion()).isEqualTo(1));
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        assertThat(seen).containsExactly("pl-b#1", "pl-a#1", "pl-a#2", "pl-b#2");
        assertThat(run(tx -> tx.paymentPlans().dueInstallments(TENANT, LocalDate.MIN, d3, PageRequest.first(10))).items())
                .hasSize(5);
    }

    @Test
    void theChangeLogReadsNewestFirstPerRecordAndContextAndCountsAWindow() {
        Instant t0 = NOW.minusSeconds(3600);
        RecordRef pool = new RecordRef(RecordType.POOL, "pool1");
        run(tx -> {
            tx.changeLog().append(logEntry("c1", "a1", t0));
            tx.changeLog().append(logEntry("c2", "a1", t0.plusSeconds(10)));
            tx.changeLog().append(logEntry("c3", "a2", t0.plusSeconds(20)));
            tx.changeLog().append(logEntry("c4", "a1", t0.plusSeconds(10)).toBuilder().context(pool).action("pool.claim").build());
            return null;
        });
        List<String> ids = run(tx -> {
            tx.changeLog().append(logEntry("c5", "a1", t0.plusSeconds(5)));
            assertThatThrownBy(() -> tx.changeLog().append(logEntry("c1", "a9", t0)))
                    .isInstanceOf(DuplicateRecordException.class);
            List<String> all = new ArrayList<>();
            PageRequest request = PageRequest.first(2);
            while (true) {
                Page<ChangeLogEntry> page = tx.changeLog().ofRecord(TENANT, A1, request);
                page.items().forEach(e -> all.add(e.id().value()));
                if (!page.hasNext()) {
                    return all;
                }
                request = request.next(page);
            }
        });
        assertThat(ids).containsExactly("c4", "c2", "c5", "c1");
        assertThat(store.<List<ChangeLogEntry>>transact(tx -> tx.changeLog().ofContext(TENANT, pool, PageRequest.first(10)).items()))
                .extracting(e -> e.id().value()).containsExactly("c4");

        assertThat(count(new ChangeLogQuery("account.update", null, null, null, t0, t0.plusSeconds(10)))).isEqualTo(2);
        assertThat(count(new ChangeLogQuery("account.update", null, ALICE, A1, t0, t0.plusSeconds(11)))).isEqualTo(3);
        assertThat(count(new ChangeLogQuery("account.update", null, BOB, null, t0, NOW))).isZero();
        assertThat(count(new ChangeLogQuery("pool.claim", pool, ALICE, null, t0, NOW))).isEqualTo(1);
    }

    @Test
    void aggregatesGroupByValueAndPeriodAndSumMoneyPerCurrency() {
        run(tx -> {
            tx.payments().insert(payment("p1", null));
            tx.payments().insert(payment("p2", null).toBuilder().amount(Money.of("50.50", "CNY"))
                    .receivedOn(LocalDate.of(2026, 4, 2)).build());
            tx.payments().insert(payment("p3", null).toBuilder().amount(Money.of("7", "USD")).allocated(null).owner(BOB).build());
            return null;
        });
        List<AggregateRow> rows = run(tx -> tx.payments().aggregate(TENANT,
                AggregateQuery.count(null, Grouping.byPeriod("receivedOn", PeriodUnit.MONTH)).summing("amount"), CONTEXT));
        assertThat(rows).extracting(AggregateRow::keys, AggregateRow::currency, AggregateRow::count, AggregateRow::sums)
                .containsExactly(
                        tuple(List.of("2026-03"), Currency.getInstance("CNY"), 1L, List.of(new BigDecimal("100.00"))),
                        tuple(List.of("2026-03"), Currency.getInstance("USD"), 1L, List.of(new BigDecimal("7.00"))),
                        tuple(List.of("2026-04"), Currency.getInstance("CNY"), 1L, List.of(new BigDecimal("50.50"))));

        List<AggregateRow> byOwner = run(tx -> tx.payments().aggregate(TENANT,
                AggregateQuery.count(Condition.eq("method", new CustomValue.Choice("BANK_TRANSFER")), Grouping.by("owner")),
                CONTEXT));
        assertThat(byOwner).extracting(AggregateRow::keys, AggregateRow::count)
                .containsExactly(tuple(List.of("alice"), 2L), tuple(List.of("bob"), 1L));

        // Checked before any record is read: an empty tenant still reports the bad field.
        assertThatThrownBy(() -> run(tx -> tx.accounts().aggregate(Fixtures.OTHER_TENANT,
                AggregateQuery.count(null).summing("name"), CONTEXT))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> run(tx -> tx.accounts().aggregate(Fixtures.OTHER_TENANT,
                AggregateQuery.count(null, Grouping.byPeriod("name", PeriodUnit.DAY)), CONTEXT)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> run(tx -> tx.accounts().count(Fixtures.OTHER_TENANT,
                Condition.eq("noSuchField", new CustomValue.Text("x")), CONTEXT))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aConditionSeesTheTransactionsOwnWrites() {
        run(tx -> tx.accounts().insert(account("a1")));
        long count = run(tx -> {
            tx.accounts().update(tx.accounts().get(TENANT, AccountId.of("a1")).toBuilder().level("B").build());
            tx.accounts().insert(Fixtures.account(TENANT, "a2", "B"));
            return tx.accounts().count(TENANT, Condition.eq("level", new CustomValue.Text("B")), CONTEXT);
        });
        assertThat(count).isEqualTo(2);
    }

    private long count(ChangeLogQuery query) {
        return run(tx -> tx.changeLog().count(TENANT, query));
    }

    private <T> T run(TransactionWork<T> work) {
        return store.transact(work);
    }
}
