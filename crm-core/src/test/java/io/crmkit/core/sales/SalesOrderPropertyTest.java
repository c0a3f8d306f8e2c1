package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.CNY;
import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.line;
import static io.crmkit.core.sales.SalesFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of delivery moves, returns, invoices, allocations and delivered quantities on
 * orders with random lines and discounts. A small model of the order, kept in whole minor units,
 * predicts which actions are accepted; the order's invariants are checked after every step.
 */
class SalesOrderPropertyTest {

    /** kind: 0 ship, 1 confirmReceipt, 2 return, 3 invoice, 4 allocate, 5 record delivered quantity. */
    record Action(int kind, int line, int quantity, int perMille) {}

    /** What the order should hold, independently of SalesOrder's own arithmetic. */
    static final class Model {
        DeliveryStatus status = DeliveryStatus.NOT_SHIPPED;
        long[] ordered;
        Long[] delivered;
        long[] returned;
        long total;
        long returnsTotal;
        long invoiced;
        long allocated;

        long receivable() {
            return total - returnsTotal;
        }

        long returnLimit(int line) {
            return delivered[line] == null ? ordered[line] : Math.min(ordered[line], delivered[line]);
        }
    }

    private static Gen<List<SalesLine>> lines() {
        return lists().of(integers().between(1, 20).zip(integers().between(0, 99_999), (q, p) -> new long[] {q, p}))
                .ofSizeBetween(1, 5)
                .map(specs -> {
                    List<SalesLine> lines = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        lines.add(line(i + 1, specs.get(i)[0], specs.get(i)[1]));
                    }
                    return lines;
                });
    }

    private static Gen<List<Action>> actions() {
        Gen<Action> action = integers().between(0, 5).zip(integers().between(0, 4), integers().between(0, 22),
                integers().between(0, 1000), Action::new);
        return lists().of(action).ofSizeBetween(1, 30);
    }

    @Test
    void randomOrderHistoriesKeepEveryInvariantAndAcceptExactlyWhatTheModelAllows() {
        qt().withExamples(300)
                .forAll(lines(), integers().between(0, 100), actions())
                .checkAssert((lines, percent, actions) -> {
                    SalesOrder o = order(lines, Discount.multiplier(BigDecimal.valueOf(percent, 2)), CNY).build();
                    Model m = new Model();
                    m.ordered = lines.stream().mapToLong(l -> l.price().quantity().longValueExact()).toArray();
                    m.delivered = new Long[lines.size()];
                    m.returned = new long[lines.size()];
                    m.total = o.total().minorUnits().longValueExact();
                    Instant at = T0;
                    int invoiceNo = 0;
                    assertInvariants(o, m);
                    for (Action a : actions) {
                        at = at.plusSeconds(60);
                        int line = a.line() % lines.size();
                        // perMille of 125% of the total, so some amounts overshoot every limit.
                        long amount = m.total * a.perMille() * 5 / 4000;
                        SalesOrder before = o;
                        Instant when = at;
                        String number = "INV-" + (++invoiceNo);
                        SalesOrder[] after = new SalesOrder[1];
                        boolean allowed = switch (a.kind()) {
                            case 0 -> m.status == DeliveryStatus.NOT_SHIPPED;
                            case 1 -> m.status == DeliveryStatus.SHIPPED;
                            case 2 -> a.quantity() > 0
                                    && m.returned[line] + a.quantity() <= m.returnLimit(line)
                                    && m.returnsTotal + amount <= m.total
                                    && m.receivable() - amount >= Math.max(m.invoiced, m.allocated);
                            case 3 -> amount > 0 && m.invoiced + amount <= m.receivable();
                            case 4 -> amount <= m.receivable();
                            default -> a.quantity() <= m.ordered[line] && m.returned[line] <= a.quantity();
                        };
                        Throwable thrown = catchThrowable(() -> after[0] = apply(before, a, line, amount, number, when));
                        if (!allowed) {
                            assertThat(thrown).as("%s must be refused on %s", a, before).isNotNull();
                            if (a.kind() <= 1) {
                                StatusMachinesPropertyTest.assertRefusedBy(thrown, DeliveryStatus.MACHINE,
                                        before.deliveryStatus().name(), a.kind() == 0 ? "ship" : "confirmReceipt");
                            } else {
                                assertThat(thrown).isInstanceOf(ValidationException.class);
                            }
                            assertThat(before).isEqualTo(before.toBuilder().build());
                        } else {
                            assertThat(thrown).as("%s must be accepted", a).isNull();
                            o = after[0];
                            update(m, a, line, amount, when, o);
                        }
                        assertInvariants(o, m);
                    }
                });
    }

    private static SalesOrder apply(SalesOrder o, Action a, int line, long amount, String number, Instant at) {
        int lineNo = line + 1;
        return switch (a.kind()) {
            case 0 -> o.ship(at);
            case 1 -> o.confirmReceipt(at);
            case 2 -> o.recordReturn(new OrderReturn(lineNo, BigDecimal.valueOf(a.quantity()),
                    Money.ofMinor(amount, CNY), null, at), at);
            case 3 -> o.recordInvoice(new Invoice(number, Money.ofMinor(amount, CNY), LocalDate.of(2026, 3, 1)), at);
            case 4 -> o.withAllocated(Money.ofMinor(amount, CNY), at);
            default -> o.withDelivered(lineNo, BigDecimal.valueOf(a.quantity()), at);
        };
    }

    private static void update(Model m, Action a, int line, long amount, Instant at, SalesOrder o) {
        switch (a.kind()) {
            case 0 -> {
                m.status = DeliveryStatus.SHIPPED;
                assertThat(o.shippedAt()).isEqualTo(at);
            }
            case 1 -> {
                m.status = DeliveryStatus.RECEIVED;
                assertThat(o.receivedAt()).isEqualTo(at);
            }
            case 2 -> {
                m.returned[line] += a.quantity();
                m.returnsTotal += amount;
            }
            case 3 -> m.invoiced += amount;
            case 4 -> m.allocated = amount;
            default -> m.delivered[line] = (long) a.quantity();
        }
        assertThat(o.updatedAt()).isEqualTo(at);
    }

    private static void assertInvariants(SalesOrder o, Model m) {
        assertThat(o.deliveryStatus()).isEqualTo(m.status);
        assertThat(o.shippedAt() != null).isEqualTo(m.status != DeliveryStatus.NOT_SHIPPED);
        assertThat(o.receivedAt() != null).isEqualTo(m.status == DeliveryStatus.RECEIVED);
        if (o.receivedAt() != null) {
            assertThat(o.receivedAt()).isAfterOrEqualTo(o.shippedAt());
        }
        Money sumOfShares = Money.zero(CNY);
        for (OrderLine l : o.lines()) {
            sumOfShares = sumOfShares.plus(l.allocatedTotal());
        }
        assertThat(sumOfShares).isEqualTo(o.total());
        assertThat(o.returnsTotal()).isEqualTo(Money.ofMinor(m.returnsTotal, CNY));
        assertThat(o.receivable()).isEqualTo(Money.ofMinor(m.receivable(), CNY));
        assertThat(o.invoicedTotal()).isEqualTo(Money.ofMinor(m.invoiced, CNY));
        assertThat(o.allocated()).isEqualTo(Money.ofMinor(m.allocated, CNY));
        assertThat(o.receivable().isNegative()).isFalse();
        assertThat(o.invoicedTotal().isGreaterThan(o.receivable())).isFalse();
        assertThat(o.outstanding().isNegative()).isFalse();
        for (int i = 0; i < m.ordered.length; i++) {
            BigDecimal returned = BigDecimal.ZERO;
            for (OrderReturn r : o.returns()) {
                if (r.lineNo() == i + 1) {
                    returned = returned.add(r.quantity());
                }
            }
            assertThat(returned.longValueExact()).isEqualTo(m.returned[i]).isLessThanOrEqualTo(m.returnLimit(i));
        }
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }
}
