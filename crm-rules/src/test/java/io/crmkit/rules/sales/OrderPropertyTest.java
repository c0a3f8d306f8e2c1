package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.OrderFixture.as;
import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.OrderReturn;
import io.crmkit.core.sales.SalesOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of orders over random lines, discounts and command sequences: (a) the whole-order
 * discount pushed down to the lines adds up to the total exactly, each share within one minor unit of
 * its exact proportional value; (b) whatever ship / deliver / return / invoice / allocate sequence runs,
 * every command succeeds or throws a typed error leaving the order as it was, and the money always
 * agrees: Σ returned ≤ min(delivered, ordered) per line, Σ credits ≤ the line's share and the total,
 * receivable = total − returns, Σ invoices ≤ receivable, outstanding = receivable − allocated ≥ 0.
 */
class OrderPropertyTest {

    /** A line: quantity in tenths, list price in minor units, line discount in percent paid (100 = none). */
    record LineSpec(int tenths, int minorPrice, int paidPercent) {}

    /** A command: which, on which line, with which size. */
    record Step(int kind, int line, int size) {
        @Override
        public String toString() {
            return List.of("ship", "receive", "deliver", "return", "invoice", "allocate").get(kind) + "(line " + line
                    + ", " + size + ")";
        }
    }

    private static Gen<LineSpec> lineSpecs() {
        return integers().between(1, 300).zip(integers().between(0, 2_000_000), integers().between(0, 100), LineSpec::new);
    }

    private static Gen<List<LineSpec>> lineLists() {
        return lists().of(lineSpecs()).ofSizeBetween(1, 8);
    }

    private static Gen<Step> steps() {
        return integers().between(0, 5).zip(integers().between(1, 8), integers().between(1, 400), Step::new);
    }

    /** One order made by the commands from random lines. */
    private static final class World {
        final OrderFixture of = new OrderFixture();
        final Account account = of.fx.account();
        final Currency currency;
        final Product product;

        World(boolean yen) {
            currency = yen ? JPY : SalesFixture.CNY;
            product = of.fx.product("Anything", "1", currency);
        }

        SalesOrder order(List<LineSpec> specs, int wholePaidPerMille) {
            List<LineInput> inputs = new ArrayList<>();
            for (LineSpec spec : specs) {
                BigDecimal price = BigDecimal.valueOf(spec.minorPrice(), Money.scaleOf(currency));
                LineInput line = LineInput.of(product.id(), BigDecimal.valueOf(spec.tenths(), 1))
                        .withListPrice(UnitPrice.of(price, currency));
                if (spec.paidPercent() < 100) {
                    line = line.atDiscount(Discount.multiplier(BigDecimal.valueOf(spec.paidPercent(), 2)));
                }
                inputs.add(line);
            }
            return of.orders.create(as(REP), NewOrder.of(account.id(), inputs).inCurrency(currency)
                    .withDiscount(Discount.multiplier(BigDecimal.valueOf(wholePaidPerMille, 3))));
        }
    }

    @Test
    void pushedDownSharesAddUpToTheTotalAndStayWithinAMinorUnitOfTheExactShare() {
        qt().withExamples(60).forAll(lineLists(), integers().between(0, 1000), booleans().all())
                .checkAssert((specs, perMille, yen) -> {
                    World world = new World(yen);
                    SalesOrder order = world.order(specs, perMille);
                    Money sum = Money.sum(order.currency(), order.lines().stream().map(OrderLine::allocatedTotal).toList());
                    assertThat(sum).isEqualTo(order.total());
                    BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(order.total().scale());
                    for (OrderLine line : order.lines()) {
                        BigDecimal exact = order.subtotal().isZero() ? BigDecimal.ZERO
                                : order.total().amount().multiply(line.line().amount().amount())
                                        .divide(order.subtotal().amount(), MathContext.DECIMAL128);
                        assertThat(line.allocatedTotal().amount().subtract(exact).abs())
                                .as("share of line %s", line.lineNo()).isLessThan(minorUnit);
                    }
                });
    }

    @Test
    void anyCommandSequenceKeepsReturnsInvoicesAndPaymentsConsistent() {
        qt().withExamples(40).forAll(lineLists(), integers().between(0, 1000), booleans().all(),
                        lists().of(steps()).ofSizeBetween(1, 20))
                .checkAssert((specs, perMille, yen, steps) -> {
                    World world = new World(yen);
                    SalesOrder order = world.order(specs, perMille);
                    if (perMille % 2 == 0) {
                        world.of.orders.ship(as(REP), order.id()); // most sequences start shipped; the rest must ship first
                    }
                    for (Step step : steps) {
                        SalesOrder before = world.of.order(order.id());
                        try {
                            run(world, before, step);
                        } catch (CrmException e) {
                            assertThat(world.of.order(order.id())).as("%s refused: nothing changed", step).isEqualTo(before);
                        }
                        world.of.fx.advance(Duration.ofMinutes(1));
                        assertConsistent(world.of.order(order.id()));
                    }
                });
    }

    private static void run(World world, SalesOrder order, Step step) {
        OrderCommands orders = world.of.orders;
        int lineNo = Math.min(step.line(), order.lines().size());
        OrderLine line = order.lines().get(lineNo - 1);
        long totalMinor = order.total().minorUnits().longValueExact();
        switch (step.kind()) {
            case 0 -> orders.ship(as(REP), order.id());
            case 1 -> orders.confirmReceipt(as(REP), order.id());
            case 2 -> orders.recordDelivered(as(REP), order.id(), lineNo,
                    line.orderedQuantity().multiply(BigDecimal.valueOf(step.size() % 120, 2)).setScale(1, java.math.RoundingMode.DOWN));
            case 3 -> orders.recordReturn(as(REP), order.id(), lineNo, step.size() % 3 == 0
                    ? returnable(order, line) // the rest of the line, so whole lines come back in pieces
                    : line.orderedQuantity().multiply(BigDecimal.valueOf(step.size(), 3)).setScale(1, java.math.RoundingMode.UP),
                    "step");
            case 4 -> orders.recordInvoice(as(REP), order.id(), "INV-" + order.invoices().size() + "-" + step.size(),
                    Money.ofMinor(Math.max(1, totalMinor * step.size() / 300), order.currency()), LocalDate.of(2026, 3, 2));
            default -> world.of.allocate(order.id(), Money.ofMinor(totalMinor * step.size() / 400, order.currency()));
        }
    }

    private static BigDecimal returnable(SalesOrder order, OrderLine line) {
        BigDecimal limit = line.deliveredQuantity() == null ? line.orderedQuantity()
                : line.orderedQuantity().min(line.deliveredQuantity());
        BigDecimal left = limit.subtract(OrderCommands.returnedOn(order, line.lineNo()));
        return left.signum() > 0 ? left : BigDecimal.ONE;
    }

    private static void assertConsistent(SalesOrder order) {
        Money credits = Money.zero(order.currency());
        for (OrderLine line : order.lines()) {
            BigDecimal returned = BigDecimal.ZERO;
            Money credited = Money.zero(order.currency());
            for (OrderReturn r : order.returns()) {
                if (r.lineNo() == line.lineNo()) {
                    returned = returned.add(r.quantity());
                    credited = credited.plus(r.amount());
                }
            }
            BigDecimal limit = line.deliveredQuantity() == null ? line.orderedQuantity()
                    : line.orderedQuantity().min(line.deliveredQuantity());
            assertThat(returned).isLessThanOrEqualTo(limit);
            assertThat(credited.isGreaterThan(line.allocatedTotal())).as("credits of line %s", line.lineNo()).isFalse();
            if (returned.compareTo(line.orderedQuantity()) == 0) {
                assertThat(credited).as("a fully returned line credits exactly its share").isEqualTo(line.allocatedTotal());
            }
            credits = credits.plus(credited);
        }
        assertThat(credits.isGreaterThan(order.total())).isFalse();
        assertThat(order.receivable()).isEqualTo(order.total().minus(credits));
        assertThat(order.invoicedTotal().isGreaterThan(order.receivable())).isFalse();
        assertThat(order.outstanding()).isEqualTo(order.receivable().minus(order.allocated()));
        assertThat(order.outstanding().isNegative()).isFalse();
    }
}
