package io.crmkit.jdbc.storm;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentAllocation;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.payment.PaymentMethod;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.pool.PoolRuleNames;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Claim and allocation storms on real threads against a database store: each database's subclass
 * supplies the store. Afterwards nothing is owned twice, no holding or daily limit is broken, and
 * not a cent of allocated money is lost or made up. Nothing asserts on timing; each storm has only a
 * generous bound after which it fails as hung.
 */
abstract class StoreStorms {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final int THREADS = 16;

    /** The store under test (built once per class; tests use fresh tenants). */
    abstract CrmStore store();

    /**
     * 16 members on 16 threads claim and return accounts of one pool through the rules (holding limit
     * 3, daily claim limit 6). Afterwards: every owned account has one owner, each member owns exactly
     * what they claimed minus what they returned, nobody holds more than 3 or claimed more than 6, and
     * each limit was actually hit (so the storm tested it).
     */
    @Test
    void claimStormThroughTheRulesKeepsOwnersSingleAndLimitsHeld() throws Exception {
        TenantId tenant = TenantId.of("storm-" + UUID.randomUUID());
        CrmStore store = store();
        Crm crm = Crm.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .tenantSettings(TenantSettingsSource.fixed(TenantSettings.defaults(ZONE, CNY))).build();
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            members.add(UserId.of(String.format("m%02d", i)));
        }
        PoolId poolId = PoolId.of("P1");
        Pool pool = Pool.builder().id(poolId).tenantId(tenant).name("Storm pool").addAdmin(UserId.of("admin"))
                .members(new PoolMembers(Set.copyOf(members), Set.of()))
                .rules(PoolRules.builder().maxHeldPerMember(3).wonRecordsCount(true).dailyClaimLimit(6).build())
                .createdAt(NOW).updatedAt(NOW).build();
        store.transact(tx -> tx.pools().insert(pool));
        List<AccountId> accounts = new ArrayList<>();
        store.transact(tx -> {
            for (int i = 0; i < 40; i++) {
                Account stored = tx.accounts().insert(Account.builder().id(tx.accounts().nextId()).tenantId(tenant)
                        .name("Company " + i).dealStatus(DealStatus.NOT_YET).poolId(poolId)
                        .createdAt(NOW).updatedAt(NOW).build());
                accounts.add(stored.id());
            }
            return null;
        });
        Set<String> expected = Set.of(PoolRuleNames.ALREADY_OWNED, PoolRuleNames.HOLDING_LIMIT,
                PoolRuleNames.DAILY_CLAIM_LIMIT);
        Map<UserId, AtomicInteger> claims = new ConcurrentHashMap<>();
        Map<UserId, AtomicInteger> returns = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

        storm(t -> {
            UserId member = members.get(t);
            Actor actor = Actor.of(tenant, member);
            Random random = new Random(7919L * (t + 1));
            claims.put(member, new AtomicInteger());
            returns.put(member, new AtomicInteger());
            List<AccountId> mine = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                try {
                    if (!mine.isEmpty() && random.nextInt(4) == 0) {
                        AccountId back = mine.remove(random.nextInt(mine.size()));
                        crm.publicPools().returnToPool(actor, back, "storm", null);
                        returns.get(member).incrementAndGet();
                    } else {
                        AccountId pick = accounts.get(random.nextInt(accounts.size()));
                        crm.publicPools().claim(actor, pick);
                        mine.add(pick);
                        claims.get(member).incrementAndGet();
                    }
                } catch (RuleViolationException refused) {
                    refusals.computeIfAbsent(refused.rule(), r -> new AtomicInteger()).incrementAndGet();
                    if (!expected.contains(refused.rule())) {
                        unexpected.add(refused);
                    }
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
            }
        });

        assertThat(unexpected).as("failures other than the expected refusals").isEmpty();
        assertThat(refusals).as("refusals by rule").containsKeys(PoolRuleNames.ALREADY_OWNED,
                PoolRuleNames.HOLDING_LIMIT, PoolRuleNames.DAILY_CLAIM_LIMIT);
        Map<UserId, Integer> owned = new HashMap<>();
        for (Account account : store.transact(tx -> tx.accounts().list(tenant, PageRequest.first(1000)).items())) {
            if (account.owner() != null) {
                owned.merge(account.owner(), 1, Integer::sum);
            }
        }
        QueryContext context = new QueryContext(NOW, ZONE);
        for (UserId member : members) {
            int ownedNow = owned.getOrDefault(member, 0);
            assertThat(ownedNow).as("%s owns what they claimed minus what they returned", member)
                    .isEqualTo(claims.get(member).get() - returns.get(member).get());
            assertThat(ownedNow).as("%s holding limit", member).isLessThanOrEqualTo(3);
            assertThat(claims.get(member).get()).as("%s daily claim limit", member).isLessThanOrEqualTo(6);
            long held = store.transact(tx -> tx.accounts().countHeld(tenant, poolId, member, true, context));
            assertThat(held).as("%s held, counted by the store", member).isEqualTo(ownedNow);
        }
    }

    /**
     * 16 threads allocate random parts of two payments (CNY 1000.00 each) to three orders (CNY 700.00
     * each) at once, each allocation one unit of work that updates the payment, the order and inserts
     * the allocation, refusing what would over-allocate either. Afterwards every payment's allocated
     * amount is the sum of its allocations and at most its amount, every order's likewise, and the
     * money allocated from payments equals the money allocated to orders, to the cent.
     */
    @Test
    void allocationStormNeverOverAllocatesAndConservesMoney() throws Exception {
        TenantId tenant = TenantId.of("storm-" + UUID.randomUUID());
        CrmStore store = store();
        UserId clerk = UserId.of("clerk");
        List<PaymentId> payments = new ArrayList<>();
        List<SalesOrderId> orders = new ArrayList<>();
        store.transact(tx -> {
            AccountId account = tx.accounts().nextId();
            for (int i = 0; i < 2; i++) {
                payments.add(tx.payments().insert(Payment.builder().id(tx.payments().nextId()).tenantId(tenant)
                        .accountId(account).amount(Money.of("1000.00", "CNY")).receivedOn(LocalDate.of(2026, 3, 2))
                        .method(PaymentMethod.BANK_TRANSFER).owner(clerk).createdAt(NOW).updatedAt(NOW).build()).id());
            }
            for (int i = 0; i < 3; i++) {
                orders.add(tx.salesOrders().insert(order(tx.salesOrders().nextId(), tenant, account, clerk)).id());
            }
            return null;
        });
        Map<Integer, List<Money>> made = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

        storm(t -> {
            Random random = new Random(104729L * (t + 1));
            List<Money> mine = new ArrayList<>();
            made.put(t, mine);
            for (int i = 0; i < 12; i++) {
                PaymentId paymentId = payments.get(random.nextInt(payments.size()));
                SalesOrderId orderId = orders.get(random.nextInt(orders.size()));
                Money part = Money.ofMinor(100 + random.nextInt(15_000), CNY);
                try {
                    boolean done = store.transact(tx -> {
                        Payment payment = tx.payments().get(tenant, paymentId);
                        SalesOrder order = tx.salesOrders().get(tenant, orderId);
                        if (part.isGreaterThan(payment.unallocated()) || part.isGreaterThan(order.outstanding())) {
                            return false;
                        }
                        tx.payments().update(payment.allocate(part));
                        tx.salesOrders().update(order.withAllocated(order.allocated().plus(part), NOW));
                        tx.paymentAllocations().insert(PaymentAllocation.builder()
                                .id(tx.paymentAllocations().nextId()).tenantId(tenant).paymentId(paymentId)
                                .orderId(orderId).amount(part).allocatedAt(NOW).allocatedBy(clerk)
                                .createdAt(NOW).updatedAt(NOW).build());
                        return true;
                    });
                    if (done) {
                        mine.add(part);
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (CrmException e) {
                    // A lost race the store gave up retrying is fine (nothing was written); anything else is not.
                    if (!e.isRetryable()) {
                        unexpected.add(e);
                    }
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
            }
        });

        assertThat(unexpected).as("unexpected failures").isEmpty();
        assertThat(refused.get()).as("allocations refused as over-allocating (the storm reached the limits)")
                .isPositive();
        List<PaymentAllocation> allocations = allAllocations(store, tenant);
        Money madeTotal = made.values().stream().flatMap(List::stream).reduce(Money.zero(CNY), Money::plus);
        Money storedTotal = allocations.stream().map(PaymentAllocation::amount).reduce(Money.zero(CNY), Money::plus);
        assertThat(storedTotal).as("allocations stored vs allocations the threads made").isEqualTo(madeTotal);
        assertThat(allocations).hasSize((int) made.values().stream().mapToLong(List::size).sum());

        Money fromPayments = Money.zero(CNY);
        for (PaymentId id : payments) {
            Payment payment = store.transact(tx -> tx.payments().get(tenant, id));
            Money sum = allocations.stream().filter(a -> a.paymentId().equals(id)).map(PaymentAllocation::amount)
                    .reduce(Money.zero(CNY), Money::plus);
            assertThat(payment.allocated()).as("payment %s allocated vs its allocations", id).isEqualTo(sum);
            assertThat(payment.allocated().isGreaterThan(payment.amount())).as("payment %s over-allocated", id).isFalse();
            fromPayments = fromPayments.plus(payment.allocated());
        }
        Money toOrders = Money.zero(CNY);
        for (SalesOrderId id : orders) {
            SalesOrder order = store.transact(tx -> tx.salesOrders().get(tenant, id));
            Money sum = allocations.stream().filter(a -> a.orderId().equals(id)).map(PaymentAllocation::amount)
                    .reduce(Money.zero(CNY), Money::plus);
            assertThat(order.allocated()).as("order %s allocated vs its allocations", id).isEqualTo(sum);
            assertThat(order.allocated().isGreaterThan(order.receivable())).as("order %s over-allocated", id).isFalse();
            toOrders = toOrders.plus(order.allocated());
        }
        assertThat(fromPayments).as("money allocated from payments vs to orders").isEqualTo(toOrders);
        assertThat(fromPayments).isEqualTo(storedTotal);
    }

    private static List<PaymentAllocation> allAllocations(CrmStore store, TenantId tenant) {
        List<PaymentAllocation> all = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        QueryContext context = new QueryContext(NOW, ZONE);
        Condition active = Condition.isNull("reversedAt");
        while (true) {
            PageRequest current = page;
            Page<PaymentAllocation> result = store.transact(tx ->
                    tx.paymentAllocations().query(tenant, active, context, current));
            all.addAll(result.items());
            if (!result.hasNext()) {
                return all;
            }
            page = page.next(result);
        }
    }

    /** An order of one line, 7 × CNY 100.00, no discount: total CNY 700.00, nothing allocated. */
    private static SalesOrder order(SalesOrderId id, TenantId tenant, AccountId account, UserId owner) {
        UnitPrice price = UnitPrice.of(new BigDecimal("100.00"), CNY);
        Money amount = Money.of("700.00", "CNY");
        SalesLine line = new SalesLine(1, ProductId.of("p1"), "Widget",
                new PricedLine(BigDecimal.valueOf(7), price, price, amount), null);
        return SalesOrder.builder().id(id).tenantId(tenant).accountId(account).currency(CNY)
                .lines(List.of(new OrderLine(line, amount, null))).wholeOrderDiscount(Discount.NONE)
                .subtotal(amount).total(amount).allocated(Money.zero(CNY)).owner(owner)
                .createdAt(NOW).updatedAt(NOW).build();
    }

    /** Runs {@code body(thread)} on 16 threads released together; fails if one throws or all take over 2 minutes. */
    private static void storm(ThreadBody body) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            ready.await();
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface ThreadBody {
        void run(int thread) throws Exception;
    }
}
