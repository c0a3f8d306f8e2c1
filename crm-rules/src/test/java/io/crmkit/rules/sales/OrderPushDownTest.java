package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.OrderFixture.as;
import static io.crmkit.rules.sales.OrderFixture.cny;
import static io.crmkit.rules.sales.OrderFixture.jpy;
import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.SalesOrder;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed orders whose whole-order discount is pushed down to the lines. The peer defect (Odoo):
 * rounding each line's discounted amount on its own makes the line totals drift a cent from the order
 * total. Ours allocates the rounded total by largest remainder, so the lines always add up to it.
 */
class OrderPushDownTest {
    private final OrderFixture of = new OrderFixture();
    private final SalesFixture fx = of.fx;
    private final Account account = fx.account();

    private SalesOrder order(Discount discount, java.util.Currency currency, Product... products) {
        List<LineInput> lines = java.util.Arrays.stream(products).map(p -> LineInput.of(p.id(), "1")).toList();
        return of.orders.create(as(REP), NewOrder.of(account.id(), lines).inCurrency(currency).withDiscount(discount));
    }

    private static Money sumOfShares(SalesOrder order) {
        return Money.sum(order.currency(), order.lines().stream().map(OrderLine::allocatedTotal).toList());
    }

    @Test
    void peerDefectOdooOrderLineTotalsNeverDriftACentFromTheOrderTotal() {
        Product p = fx.product("A", "10.01");
        SalesOrder order = order(Discount.zhe("5"), SalesFixture.CNY, p, p, p);

        // subtotal 30.03; total 30.03 × 0.5 = 15.015 → 15.02 (half-up, rounded once)
        assertThat(order.subtotal()).isEqualTo(cny("30.03"));
        assertThat(order.total()).isEqualTo(cny("15.02"));
        // Naive per-line rounding (the peer's): 10.01 × 0.5 = 5.005 → 5.01 per line, 15.03 in all.
        Money naive = Money.sum(order.currency(), order.lines().stream()
                .map(l -> l.line().amount().times(Discount.zhe("5").multiplier(), RoundingMode.HALF_UP)).toList());
        assertThat(naive).isEqualTo(cny("15.03"));
        assertThat(naive).isNotEqualTo(order.total());
        // Ours: floors 5.00 each (15.00), the two missing cents go to two lines of equal remainder.
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal)
                .containsExactlyInAnyOrder(cny("5.01"), cny("5.01"), cny("5.00"));
        assertThat(sumOfShares(order)).isEqualTo(order.total());
        assertThat(of.order(order.id()).receivable()).isEqualTo(cny("15.02"));
    }

    @Test
    void yenHasNoMinorUnitAndStillAddsUp() {
        Product p = fx.product("Bowl", "1001", JPY);
        SalesOrder order = order(Discount.zhe("5"), JPY, p, p, p);
        // 3003 × 0.5 = 1501.5 → 1502; naive 500.5 → 501 × 3 = 1503; ours 501 + 501 + 500
        assertThat(order.total()).isEqualTo(jpy("1502"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal)
                .containsExactlyInAnyOrder(jpy("501"), jpy("501"), jpy("500"));
        assertThat(sumOfShares(order)).isEqualTo(order.total());
    }

    @Test
    void severalLinesAtAnOddDiscountGoByLargestRemainder() {
        SalesOrder order = order(Discount.multiplier("0.333"), SalesFixture.CNY,
                fx.product("A", "10.00"), fx.product("B", "20.00"), fx.product("C", "30.01"));
        // subtotal 60.01 × 0.333 = 19.98333 → 19.98
        // exact shares 19.98 × amount / 60.01: 3.3294…, 6.6588…, 9.9916…; floors 3.32 + 6.65 + 9.99 = 19.96;
        // the two cents go to the largest remainders (.94 and .88): 3.33, 6.66, 9.99
        assertThat(order.total()).isEqualTo(cny("19.98"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal)
                .containsExactly(cny("3.33"), cny("6.66"), cny("9.99"));
    }

    @Test
    void aHundredPercentDiscountMakesEveryShareZero() {
        SalesOrder order = order(Discount.FREE, SalesFixture.CNY, fx.product("A", "99.99"), fx.product("B", "0.01"));
        assertThat(order.subtotal()).isEqualTo(cny("100.00"));
        assertThat(order.total()).isEqualTo(cny("0.00"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal).containsOnly(cny("0.00"));
        assertThat(of.order(order.id()).outstanding()).isEqualTo(cny("0.00"));
    }

    @Test
    void theTenantsRoundingModeDecidesTheTotalAndTheSharesFollowIt() {
        Product a = fx.product("A", "10.02");
        Product b = fx.product("B", "10.03");
        // 20.05 × 0.5 = 10.025: half-up 10.03 (shares 5.01 + 5.02), half-even 10.02 (5.01 + 5.01)
        SalesOrder halfUp = order(Discount.zhe("5"), SalesFixture.CNY, a, b);
        assertThat(halfUp.total()).isEqualTo(cny("10.03"));
        assertThat(halfUp.lines()).extracting(OrderLine::allocatedTotal).containsExactly(cny("5.01"), cny("5.02"));

        fx.settings(s -> s.pricing(PricingPolicy.defaults().withRoundingMode(RoundingMode.HALF_EVEN)));
        SalesOrder halfEven = order(Discount.zhe("5"), SalesFixture.CNY, a, b);
        assertThat(halfEven.total()).isEqualTo(cny("10.02"));
        assertThat(halfEven.lines()).extracting(OrderLine::allocatedTotal).containsExactly(cny("5.01"), cny("5.01"));
    }
}
