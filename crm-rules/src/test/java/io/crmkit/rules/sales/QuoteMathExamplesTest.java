package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.QuoteSalesFixture.actor;
import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed quotes, through the commands. The default pricing policy: unit prices at 4 decimal
 * places, quantities at 3, rounding half-up; line amounts and totals at the currency's scale (CNY 2,
 * JPY 0). Every expected figure below was worked out by hand in the comment next to it.
 */
class QuoteMathExamplesTest {
    private final QuoteSalesFixture q = new QuoteSalesFixture();
    private final SalesFixture fx = q.fx;
    private final Account account = fx.account();
    private final Product thirds = fx.product("Thirds", "33.3333");
    private final Product odd = fx.product("Odd", "15.00");
    private final Product rice = fx.product("Rice (kg)", "19.99");

    /** 3 × 33.3333 at 0.87; 7 × 12.345 at sales price; 1.5 kg × 19.99 at list price. */
    private List<LineInput> oddLines() {
        return List.of(
                LineInput.of(thirds.id(), "3").atDiscount(Discount.multiplier("0.87")),
                LineInput.of(odd.id(), "7").atSalesPrice(UnitPrice.of("12.345", "CNY")),
                LineInput.of(rice.id(), "1.5"));
    }

    private Quote quote(List<LineInput> lines, Discount wholeOrder) {
        return q.quotes.create(actor(REP), NewQuote.of(account.id(), "Example").withLines(lines)
                .withWholeOrderDiscount(wholeOrder));
    }

    @Test
    void severalLinesWithOddDiscountsAtNinetyFivePercent() {
        Quote quote = quote(oddLines(), Discount.multiplier("0.95"));

        // line 1: 33.3333 × 0.87 = 28.999971 → 4 places half-up 29.0000; × 3 = 87.0000 → 87.00
        // line 2: 12.345 × 7 = 86.415 → 86.42
        // line 3: 19.99 × 1.5 = 29.985 → 29.99
        assertThat(quote.lines().get(0).price().salesPrice()).isEqualTo(UnitPrice.of("29.0000", "CNY"));
        assertThat(quote.lines()).extracting(SalesLine::amount).containsExactly(
                Money.of("87.00", "CNY"), Money.of("86.42", "CNY"), Money.of("29.99", "CNY"));
        // subtotal 87.00 + 86.42 + 29.99 = 203.41
        assertThat(quote.subtotal()).isEqualTo(Money.of("203.41", "CNY"));
        // total 203.41 × 0.95 = 193.2395 → 193.24 (rounded once)
        assertThat(quote.total()).isEqualTo(Money.of("193.24", "CNY"));
    }

    @Test
    void eightPointEightZhe() {
        Quote quote = quote(oddLines(), Discount.zhe("8.8"));

        // 8.8 折 = × 0.88; 203.41 × 0.88 = 179.0008 → 179.00
        assertThat(quote.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.88"));
        assertThat(quote.subtotal()).isEqualTo(Money.of("203.41", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("179.00", "CNY"));
    }

    @Test
    void pushedDownToTheOrderTheLinesAddUpToTheTotalExactly() {
        Quote quote = quote(oddLines(), Discount.multiplier("0.95"));
        SalesOrder order = q.conversions.quoteToOrder(actor(REP), quote.id(), null);

        // 193.24 spread in proportion to 87.00 : 86.42 : 29.99 (193.24 / 203.41 = 0.9500024...):
        //   exact shares 82.65021..., 82.09921..., 28.49057...
        //   floors 82.65 + 82.09 + 28.49 = 193.23, one cent left; the largest remainder (line 2, 0.0092)
        //   gets it → 82.65, 82.10, 28.49 = 193.24 (rounding each line on its own, 82.65 + 82.10 + 28.49,
        //   happens to agree here; the property test covers the cases where it does not)
        assertThat(order.total()).isEqualTo(Money.of("193.24", "CNY"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal).containsExactly(
                Money.of("82.65", "CNY"), Money.of("82.10", "CNY"), Money.of("28.49", "CNY"));
    }

    @Test
    void aHundredPercentDiscountMakesTheTotalZeroAndKeepsTheSubtotal() {
        Quote free = quote(oddLines(), Discount.FREE);

        // 203.41 × 0 = 0.00; the lines and the subtotal are what they were
        assertThat(free.subtotal()).isEqualTo(Money.of("203.41", "CNY"));
        assertThat(free.total()).isEqualTo(Money.of("0.00", "CNY"));

        // a free line: sales price 33.3333 × 0 = 0.0000, amount 0.00, the other line unchanged
        Quote freeLine = quote(List.of(LineInput.of(thirds.id(), "3").atDiscount(Discount.percentOff("100")),
                LineInput.of(rice.id(), "2")), Discount.NONE);
        // 19.99 × 2 = 39.98
        assertThat(freeLine.lines()).extracting(SalesLine::amount)
                .containsExactly(Money.of("0.00", "CNY"), Money.of("39.98", "CNY"));
        assertThat(freeLine.total()).isEqualTo(Money.of("39.98", "CNY"));
    }

    @Test
    void yenLinesAndTotalsAreWholeYen() {
        Product camera = fx.product("Camera", "1999", JPY);
        Product lens = fx.product("Lens", "1001", JPY);
        Quote quote = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Yen").withCurrency(JPY).withLines(
                        LineInput.of(camera.id(), "3").atDiscount(Discount.multiplier("0.85")),
                        LineInput.of(lens.id(), "5").atDiscount(Discount.zhe("9")))
                .withWholeOrderDiscount(Discount.multiplier("0.95")));

        // camera: 1999 × 0.85 = 1699.15 per unit (unit prices are not rounded to the yen);
        //         × 3 = 5097.45 → ¥5097
        // lens:   1001 × 0.9 = 900.9; × 5 = 4504.5 → ¥4505 (half-up)
        assertThat(quote.lines().get(0).price().salesPrice()).isEqualTo(UnitPrice.of("1699.15", "JPY"));
        assertThat(quote.lines()).extracting(SalesLine::amount)
                .containsExactly(Money.of("5097", "JPY"), Money.of("4505", "JPY"));
        // subtotal 9602; × 0.95 = 9121.9 → ¥9122
        assertThat(quote.subtotal()).isEqualTo(Money.of("9602", "JPY"));
        assertThat(quote.total()).isEqualTo(Money.of("9122", "JPY"));
        assertThat(quote.total().amount().scale()).isZero();
    }

    @Test
    void halfEvenGivesDifferentCentsThanHalfUp() {
        List<LineInput> lines = List.of(LineInput.of(rice.id(), "1.5"), LineInput.of(odd.id(), "1")
                .atSalesPrice(UnitPrice.of("12.30", "CNY")));

        Quote halfUp = quote(lines, Discount.multiplier("0.95"));
        // half-up: 19.99 × 1.5 = 29.985 → 29.99; 12.30; subtotal 42.29; × 0.95 = 40.1755 → 40.18
        assertThat(halfUp.lines().get(0).amount()).isEqualTo(Money.of("29.99", "CNY"));
        assertThat(halfUp.subtotal()).isEqualTo(Money.of("42.29", "CNY"));
        assertThat(halfUp.total()).isEqualTo(Money.of("40.18", "CNY"));

        fx.settings(b -> b.pricing(PricingPolicy.defaults().withRoundingMode(RoundingMode.HALF_EVEN)));
        Quote halfEven = quote(lines, Discount.multiplier("0.95"));
        // half-even: 29.985 → 29.98 (8 is even); subtotal 42.28; × 0.95 = 40.166 → 40.17
        assertThat(halfEven.lines().get(0).amount()).isEqualTo(Money.of("29.98", "CNY"));
        assertThat(halfEven.subtotal()).isEqualTo(Money.of("42.28", "CNY"));
        assertThat(halfEven.total()).isEqualTo(Money.of("40.17", "CNY"));

        // and at the total: 12.30 × 0.95 = 11.685 → half-up 11.69, half-even 11.68
        Quote evenTotal = quote(List.of(lines.get(1)), Discount.multiplier("0.95"));
        assertThat(evenTotal.total()).isEqualTo(Money.of("11.68", "CNY"));
        fx.settings(b -> b.pricing(PricingPolicy.defaults()));
        Quote upTotal = quote(List.of(lines.get(1)), Discount.multiplier("0.95"));
        assertThat(upTotal.total()).isEqualTo(Money.of("11.69", "CNY"));
    }

    @Test
    void yuanQuoteAtNinetyFiveZhe() {
        // 九五折 = × 0.95 on 3 × 33.3333 at list price: 33.3333 × 3 = 99.9999 → 100.00; × 0.95 = 95.00
        Quote quote = quote(List.of(LineInput.of(thirds.id(), "3")), Discount.zhe("9.5"));
        assertThat(quote.lines().get(0).amount()).isEqualTo(Money.of("100.00", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("95.00", "CNY"));
    }
}
