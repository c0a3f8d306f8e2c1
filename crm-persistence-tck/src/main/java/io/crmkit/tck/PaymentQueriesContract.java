package io.crmkit.tck;

import static io.crmkit.tck.QueryFixtures.CNY;
import static io.crmkit.tck.QueryFixtures.account;
import static io.crmkit.tck.QueryFixtures.context;
import static io.crmkit.tck.QueryFixtures.installment;
import static io.crmkit.tck.QueryFixtures.insertAccounts;
import static io.crmkit.tck.QueryFixtures.money;
import static io.crmkit.tck.QueryFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.payment.PaymentPlanId;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.payment.PaymentPlanStore;
import io.crmkit.spi.payment.PaymentStore;
import io.crmkit.spi.query.DueInstallment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The two queries of the payment stores beyond {@link io.crmkit.spi.RecordStore}:
 * {@link PaymentStore}'s unique external reference per tenant (also when inserts race from many
 * threads, and as references change or payments go) with {@link PaymentStore#findByExternalReference},
 * and {@link PaymentPlanStore#dueInstallments}: the inclusive window, fully paid installments left
 * out, the order by due date, plan id and installment number, and keyset paging across plans.
 */
public interface PaymentQueriesContract extends StoreUnderTest {

    /** How many threads race to record the same bank transaction. */
    int RACING_THREADS = 16;

    // ------------------------------------------------------------------ external reference

    /**
     * A second payment with an external reference the tenant already has is refused with
     * {@link DuplicateRecordException} and leaves nothing behind; the lookup finds the first.
     */
    @Test
    default void paymentExternalReferenceIsUniqueInATenant() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        Payment first = insert(store, withReference(store, tenant, account, "BANK-20260401-0001"));
        Payment second = withReference(store, tenant, account, "BANK-20260401-0001");

        assertThatThrownBy(() -> insert(store, second)).isInstanceOf(DuplicateRecordException.class);

        assertThat(find(store, tenant, second.id())).as("the refused payment").isEmpty();
        assertThat(findByReference(store, tenant, "BANK-20260401-0001")).contains(first);
        assertThat(paymentCount(store, tenant)).isEqualTo(1);
    }

    /** The same reference in another tenant is another bank account's transaction: both are stored. */
    @Test
    default void paymentSameExternalReferenceInAnotherTenantIsFine() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        Payment mine = insert(store, withReference(store, tenant, anAccount(store, tenant), "TXN-42"));
        Payment theirs = insert(store, withReference(store, other, anAccount(store, other), "TXN-42"));

        assertThat(findByReference(store, tenant, "TXN-42")).contains(mine);
        assertThat(findByReference(store, other, "TXN-42")).contains(theirs);
    }

    /** Payments without an external reference never collide with each other. */
    @Test
    default void paymentsWithoutExternalReferenceNeverCollide() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        for (int i = 0; i < 3; i++) {
            insert(store, QueryFixtures.payment(store, tenant, account, money("10.00", CNY), LocalDate.parse("2026-04-01"))
                    .externalReference(null).build());
        }
        assertThat(paymentCount(store, tenant)).isEqualTo(3);
    }

    /**
     * The lookup matches the whole reference exactly: case counts, {@code %} and {@code _} are no
     * wildcards, a prefix is not a match, and an unknown reference finds nothing.
     */
    @Test
    default void paymentFindByExternalReferenceMatchesExactly() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        Payment upper = insert(store, withReference(store, tenant, account, "REF-A"));
        Payment lower = insert(store, withReference(store, tenant, account, "ref-a"));
        Payment underscore = insert(store, withReference(store, tenant, account, "REF_1"));

        assertThat(findByReference(store, tenant, "REF-A")).contains(upper);
        assertThat(findByReference(store, tenant, "ref-a")).contains(lower);
        assertThat(findByReference(store, tenant, "REF_1")).contains(underscore);
        assertThat(findByReference(store, tenant, "Ref-A")).isEmpty();
        assertThat(findByReference(store, tenant, "REF%")).isEmpty();
        assertThat(findByReference(store, tenant, "REF-_")).isEmpty();
        assertThat(findByReference(store, tenant, "REF")).isEmpty();
        assertThat(findByReference(store, tenant, "REF-1")).isEmpty();
    }

    /**
     * The unique key follows the payment: changing its reference frees the old one and takes the new
     * one, a change to a reference another payment holds is refused, deleting the payment frees its
     * reference, and a rolled-back insert never took it.
     */
    @Test
    default void paymentExternalReferenceFollowsUpdatesDeletesAndRollbacks() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        Payment payment = insert(store, withReference(store, tenant, account, "OLD-1"));
        Payment holder = insert(store, withReference(store, tenant, account, "HELD-1"));

        Payment moved = store.transact(tx -> tx.payments().update(payment.toBuilder().externalReference("NEW-1").build()));
        assertThat(findByReference(store, tenant, "OLD-1")).as("the old reference").isEmpty();
        assertThat(findByReference(store, tenant, "NEW-1")).as("the new reference").contains(moved);
        Payment reuse = insert(store, withReference(store, tenant, account, "OLD-1"));
        assertThat(findByReference(store, tenant, "OLD-1")).as("the old reference, reused").contains(reuse);

        assertThatThrownBy(() -> store.transact(tx -> tx.payments().update(moved.toBuilder().externalReference("HELD-1").build())))
                .as("taking a reference another payment holds").isInstanceOf(DuplicateRecordException.class);
        assertThat(findByReference(store, tenant, "HELD-1")).contains(holder);
        assertThat(find(store, tenant, moved.id())).contains(moved);

        store.transact(tx -> {
            tx.payments().delete(tenant, holder.id(), holder.version());
            return null;
        });
        Payment successor = insert(store, withReference(store, tenant, account, "HELD-1"));
        assertThat(findByReference(store, tenant, "HELD-1")).as("after the holder was deleted").contains(successor);

        Payment rolledBack = withReference(store, tenant, account, "ROLLED-BACK-1");
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.payments().insert(rolledBack);
            throw new DeliberateFailure("roll the insert back");
        })).isInstanceOf(DeliberateFailure.class);
        assertThat(findByReference(store, tenant, "ROLLED-BACK-1")).as("after a rollback").isEmpty();
        Payment afterRollback = insert(store, withReference(store, tenant, account, "ROLLED-BACK-1"));
        assertThat(findByReference(store, tenant, "ROLLED-BACK-1")).contains(afterRollback);
    }

    /**
     * {@value #RACING_THREADS} threads record the same bank transaction at once, each as its own
     * payment in its own unit of work: exactly one is stored, every other insert fails with
     * {@link DuplicateRecordException}, and the lookup finds the one stored.
     */
    @Test
    default void paymentRacingInsertsOfOneExternalReferenceStoreExactlyOne() throws InterruptedException {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        List<Payment> candidates = new ArrayList<>();
        for (int i = 0; i < RACING_THREADS; i++) {
            candidates.add(withReference(store, tenant, account, "RACE-0001"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(RACING_THREADS);
        CountDownLatch ready = new CountDownLatch(RACING_THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Payment>> outcomes = new ArrayList<>();
        try {
            for (Payment candidate : candidates) {
                outcomes.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return store.transact(tx -> tx.payments().insert(candidate));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
            start.countDown();
            List<Payment> stored = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Payment> outcome : outcomes) {
                try {
                    stored.add(outcome.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("an insert did not finish within a minute (deadlock?)", e);
                }
            }

            assertThat(stored).as("inserts that succeeded").hasSize(1);
            assertThat(failures).as("inserts that failed").hasSize(RACING_THREADS - 1)
                    .allSatisfy(f -> assertThat(f).isInstanceOf(DuplicateRecordException.class));
            assertThat(paymentCount(store, tenant)).as("payments stored").isEqualTo(1);
            assertThat(findByReference(store, tenant, "RACE-0001")).contains(stored.get(0));
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ due installments

    /**
     * The window [from, to] includes both ends; installments paid in full are left out wherever they
     * fall, partly paid ones stay with what is paid; each item carries its plan, account and the
     * plan's version.
     */
    @Test
    default void dueInstallmentsWindowIsInclusiveAndSkipsFullyPaid() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        PaymentPlan plan = insertPlans(store, QueryFixtures.plan(store, tenant, account, List.of(
                installment(1, "2026-04-09", "100.00", "0.00"),
                installment(2, "2026-04-10", "100.00", "0.00"),
                installment(3, "2026-04-15", "100.00", "100.00"),
                installment(4, "2026-04-15", "100.00", "40.00"),
                installment(5, "2026-04-20", "100.00", "0.00"),
                installment(6, "2026-04-21", "100.00", "0.00"))).build()).get(0);

        List<DueInstallment> due = QueryFixtures.dueAll(store, tenant, day("2026-04-10"), day("2026-04-20"), 10);

        assertThat(due).containsExactly(due(plan, 2), due(plan, 4), due(plan, 5));
        assertThat(due.get(1).installment().paid()).isEqualTo(money("40.00", CNY));
        assertThat(due).allSatisfy(d -> {
            assertThat(d.accountId()).isEqualTo(account);
            assertThat(d.planVersion()).isEqualTo(1);
        });
        assertThat(QueryFixtures.dueAll(store, tenant, day("2026-04-15"), day("2026-04-15"), 10))
                .as("a one-day window").containsExactly(due(plan, 4));
        assertThat(QueryFixtures.dueAll(store, tenant, day("2026-04-11"), day("2026-04-14"), 10))
                .as("a window with nothing due").isEmpty();
    }

    /**
     * Due installments come ordered by due date, then plan id, then installment number as a number
     * (2 before 10), whatever order the plans were stored in.
     */
    @Test
    default void dueInstallmentsAreOrderedByDateThenPlanThenNumber() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        PaymentPlan planA = QueryFixtures.plan(store, tenant, account, List.of(
                installment(2, "2026-04-12", "10.00", "0.00"),
                installment(10, "2026-04-12", "10.00", "0.00"),
                installment(9, "2026-04-12", "10.00", "0.00"),
                installment(1, "2026-04-11", "10.00", "0.00"))).id(planId("a", store)).build();
        PaymentPlan planB = QueryFixtures.orderPlan(store, tenant, account, List.of(
                installment(1, "2026-04-12", "10.00", "0.00"),
                installment(2, "2026-04-11", "10.00", "0.00"))).id(planId("b", store)).build();
        PaymentPlan planC = QueryFixtures.plan(store, tenant, account, List.of(
                installment(1, "2026-04-10", "10.00", "0.00"),
                installment(3, "2026-04-12", "10.00", "10.00"),
                installment(2, "2026-04-13", "10.00", "0.00"))).id(planId("c", store)).build();
        // Stored last to first, so neither insertion order nor creation order gives the answer.
        List<PaymentPlan> stored = insertPlans(store, planC, planB, planA);
        PaymentPlan a = stored.get(2);
        PaymentPlan b = stored.get(1);
        PaymentPlan c = stored.get(0);

        List<DueInstallment> due = QueryFixtures.dueAll(store, tenant, LocalDate.MIN, day("2026-12-31"), 100);

        assertThat(due).containsExactly(
                due(c, 1),
                due(a, 1), due(b, 2),
                due(a, 2), due(a, 9), due(a, 10), due(b, 1),
                due(c, 2));
    }

    /**
     * Paging by key through installments of several plans, with many on the same day, returns every
     * installment exactly once in order for every page size; a plan stored between two pages never
     * makes the next pages repeat or skip one that existed throughout.
     */
    @Test
    default void dueInstallmentsPageByKeyWithoutRepeatsOrGaps() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        List<PaymentPlan.Builder> plans = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<Installment> installments = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                // Days 10 to 12 only, so plans and numbers must break most ties.
                installments.add(installment(n, "2026-04-1" + ((n + p) % 3), "10.00", n == 3 && p == 1 ? "10.00" : "0.00"));
            }
            plans.add(QueryFixtures.plan(store, tenant, account, installments));
        }
        insertPlans(store, plans.stream().map(PaymentPlan.Builder::build).toArray(PaymentPlan[]::new));
        LocalDate from = day("2026-04-01");
        LocalDate to = day("2026-04-30");
        List<DueInstallment> all = QueryFixtures.dueAll(store, tenant, from, to, PageRequest.MAX_LIMIT);
        assertThat(all).as("every unpaid installment").hasSize(19)
                .isSortedAccordingTo(Comparator.comparing((DueInstallment d) -> d.installment().dueOn())
                        .thenComparing(d -> d.planId().value())
                        .thenComparingInt(d -> d.installment().number()));

        for (int size : new int[] {1, 2, 3, 5, 19, 20}) {
            List<DueInstallment> paged = QueryFixtures.dueAll(store, tenant, from, to, size);
            assertThat(paged).as("pages of %s", size).isEqualTo(all);
        }

        // Between two pages, another plan adds installments before, at and after the cursor.
        Page<DueInstallment> first = store.transact(tx -> tx.paymentPlans().dueInstallments(tenant, from, to, PageRequest.first(7)));
        insertPlans(store, QueryFixtures.plan(store, tenant, account, List.of(
                installment(1, "2026-04-10", "10.00", "0.00"),
                installment(2, "2026-04-11", "10.00", "0.00"),
                installment(3, "2026-04-12", "10.00", "0.00"))).build());
        List<DueInstallment> seen = new ArrayList<>(first.items());
        PageRequest next = PageRequest.first(7).next(first);
        while (true) {
            PageRequest request = next;
            Page<DueInstallment> page = store.transact(tx -> tx.paymentPlans().dueInstallments(tenant, from, to, request));
            seen.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            assertThat(seen).as("pages read (the cursor should have ended)").hasSizeLessThan(100);
            next = request.next(page);
        }
        assertThat(seen).as("no installment twice").doesNotHaveDuplicates();
        assertThat(seen).as("every installment that existed throughout").containsAll(all);
    }

    /** {@link LocalDate#MIN} as the start means "any earlier date", however old. */
    @Test
    default void dueInstallmentsFromMinIncludeEveryEarlierDate() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        PaymentPlan plan = insertPlans(store, QueryFixtures.plan(store, tenant, account, List.of(
                installment(1, "1900-01-01", "1.00", "0.00"),
                installment(2, "1999-12-31", "1.00", "0.00"),
                installment(3, "2026-04-16", "1.00", "0.00"),
                installment(4, "2026-04-17", "1.00", "0.00"))).build()).get(0);

        assertThat(QueryFixtures.dueAll(store, tenant, LocalDate.MIN, day("2026-04-16"), 10))
                .containsExactly(due(plan, 1), due(plan, 2), due(plan, 3));
    }

    /** Only the tenant's own plans: another tenant's identical plan is invisible, an empty tenant has none. */
    @Test
    default void dueInstallmentsStayInTheirTenant() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        TenantId empty = newTenant();
        List<Installment> installments = List.of(installment(1, "2026-04-10", "5.00", "0.00"));
        PaymentPlan mine = insertPlans(store, QueryFixtures.plan(store, tenant, anAccount(store, tenant), installments).build()).get(0);
        PaymentPlan theirs = insertPlans(store, QueryFixtures.plan(store, other, anAccount(store, other), installments).build()).get(0);

        assertThat(QueryFixtures.dueAll(store, tenant, LocalDate.MIN, day("2026-12-31"), 10)).containsExactly(due(mine, 1));
        assertThat(QueryFixtures.dueAll(store, other, LocalDate.MIN, day("2026-12-31"), 10)).containsExactly(due(theirs, 1));
        Page<DueInstallment> none = store.transact(tx -> tx.paymentPlans().dueInstallments(empty, LocalDate.MIN,
                day("2026-12-31"), PageRequest.first(10)));
        assertThat(none.items()).isEmpty();
        assertThat(none.hasNext()).as("an empty result is the last page").isFalse();
    }

    /**
     * Due installments follow the plan's updates: an installment paid in full drops out, the others
     * carry the plan's new version (to update it optimistically), a deleted plan has none.
     */
    @Test
    default void dueInstallmentsFollowPlanUpdates() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        PaymentPlan plan = insertPlans(store, QueryFixtures.plan(store, tenant, account, List.of(
                installment(1, "2026-04-10", "100.00", "0.00"),
                installment(2, "2026-05-10", "100.00", "0.00"))).build()).get(0);

        PaymentPlan paid = store.transact(tx -> tx.paymentPlans().update(plan.recordPayment(1, money("100.00", CNY))));
        List<DueInstallment> due = QueryFixtures.dueAll(store, tenant, LocalDate.MIN, day("2026-12-31"), 10);

        assertThat(due).containsExactly(due(paid, 2));
        assertThat(due.get(0).planVersion()).isEqualTo(2);

        store.transact(tx -> {
            tx.paymentPlans().delete(tenant, paid.id(), paid.version());
            return null;
        });
        assertThat(QueryFixtures.dueAll(store, tenant, LocalDate.MIN, day("2026-12-31"), 10)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static AccountId anAccount(CrmStore store, TenantId tenant) {
        return insertAccounts(store, account(store, tenant, "payer")).get(0).id();
    }

    private static Payment withReference(CrmStore store, TenantId tenant, AccountId account, String reference) {
        return QueryFixtures.payment(store, tenant, account, money("88.00", CNY), LocalDate.parse("2026-04-01"))
                .externalReference(reference).build();
    }

    private static Payment insert(CrmStore store, Payment payment) {
        return store.transact(tx -> tx.payments().insert(payment));
    }

    private static Optional<Payment> find(CrmStore store, TenantId tenant, PaymentId id) {
        return store.transact(tx -> tx.payments().find(tenant, id));
    }

    private static Optional<Payment> findByReference(CrmStore store, TenantId tenant, String reference) {
        return store.transact(tx -> tx.payments().findByExternalReference(tenant, reference));
    }

    private static long paymentCount(CrmStore store, TenantId tenant) {
        return store.transact(tx -> tx.payments().count(tenant, null, context()));
    }

    private static List<PaymentPlan> insertPlans(CrmStore store, PaymentPlan... plans) {
        return QueryFixtures.insertAll(store, Transaction::paymentPlans, List.of(plans));
    }

    /** A plan id that sorts by {@code prefix} first and is still unique across tests. */
    private static PaymentPlanId planId(String prefix, CrmStore store) {
        return PaymentPlanId.of(prefix + "-" + store.ids().nextId());
    }

    private static DueInstallment due(PaymentPlan plan, int number) {
        return new DueInstallment(plan.id(), plan.accountId(), plan.version(), plan.installment(number));
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
