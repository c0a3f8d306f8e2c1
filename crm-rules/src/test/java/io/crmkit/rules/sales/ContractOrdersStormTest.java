package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.QuoteSalesFixture.actor;
import static io.crmkit.rules.sales.QuoteSalesFixture.line;
import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.CNY;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.SalesOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads convert one ACTIVE contract to orders at the same moment on the in-memory store. The
 * cap check runs under the transaction lock {@code contract-orders:<id>}, so the orders never add up to
 * more than the contract amount, and exactly floor(amount / order total) conversions succeed; every
 * other one is refused with {@code contract.amount-exceeded}.
 */
class ContractOrdersStormTest {
    private static final int THREADS = 16;

    @Test
    void concurrentConversionsNeverExceedTheContractAmount() throws Exception {
        QuoteSalesFixture q = new QuoteSalesFixture();
        Account account = q.fx.account();
        Product widget = q.fx.product("Widget", "100.00");
        Product gadget = q.fx.product("Gadget", "33.33");
        // each order: 2 × 100.00 + 3 × 33.33 = 299.99; amount 1,000.00 → floor(1000.00 / 299.99) = 3
        Contract contract = q.contract(account, "1000.00",
                List.of(line(1, widget, "2", null), line(2, gadget, "3", null)), b -> b);
        Money orderTotal = Money.of("299.99", "CNY");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                var who = actor(List.of(REP, TEAMMATE, BOSS).get(i % 3));
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return q.conversions.contractToOrder(who, contract.id(), null);
                    } catch (RuleViolationException e) {
                        return e;
                    }
                }));
            }
            assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int successes = 0;
            for (Future<Object> outcome : outcomes) {
                Object result = outcome.get(10, TimeUnit.SECONDS);
                if (result instanceof SalesOrder order) {
                    assertThat(order.total()).isEqualTo(orderTotal);
                    successes++;
                } else {
                    assertThat(result).isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.rule()).isEqualTo(SalesConversions.RULE_CONTRACT_AMOUNT_EXCEEDED));
                }
            }
            assertThat(successes).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }

        List<SalesOrder> orders = q.orders();
        assertThat(orders).hasSize(3).allSatisfy(o -> assertThat(o.sourceContractId()).isEqualTo(contract.id()));
        Money ordered = Money.sum(CNY, orders.stream().map(SalesOrder::total).toList());
        assertThat(ordered).isEqualTo(Money.of("899.97", "CNY"));
        assertThat(ordered.isGreaterThan(contract.amount())).isFalse();
        assertThat(q.logSize()).isEqualTo(3);
    }
}
