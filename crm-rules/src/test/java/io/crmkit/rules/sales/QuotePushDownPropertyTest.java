package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.QuoteSalesFixture.actor;
import static io.crmkit.rules.sales.QuoteSalesFixture.line;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * For any lines and discounts, through the commands: a quote's subtotal is the sum of its line amounts
 * and its total the subtotal times the whole-order discount rounded once; converted to an order, the
 * total pushed down to the lines adds up to the total exactly, each line within one minor unit of its
 * exact share; and orders made from a contract never add up to more than its amount.
 */
class QuotePushDownPropertyTest {
    /** One generated line: list price in minor units, quantity in thousandths, line discount in percent. */
    record GenLine(int listMinor, int quantityMilli, int discountPercent) {}

    private static final Gen<GenLine> LINES = integers().between(1, 2_000_000)
            .zip(integers().between(1, 50_000), integers().between(0, 100), GenLine::new);

    private final QuoteSalesFixture q = new QuoteSalesFixture();
    private final Account account = q.fx.account();

    @Test
    void pushedDownLinesAlwaysAddUpToTheTotal() {
        qt().withExamples(150).forAll(lists().of(LINES).ofSizeBetween(1, 6), integers().between(0, 1000), booleans().all())
                .checkAssert(this::quoteThenOrder);
        assertThat(q.quotes.history(actor(REP), account.id())).as("examples actually ran").hasSizeGreaterThan(100);
    }

    private void quoteThenOrder(List<GenLine> genLines, Integer wholeOrderPermille, Boolean yen) {
        Currency currency = yen ? SalesFixture.JPY : SalesFixture.CNY;
        int scale = yen ? 0 : 2;
        List<LineInput> inputs = new ArrayList<>();
        for (GenLine g : genLines) {
            Product product = q.fx.product("P", BigDecimal.valueOf(g.listMinor(), scale).toPlainString(), currency);
            inputs.add(LineInput.of(product.id(), BigDecimal.valueOf(g.quantityMilli(), 3))
                    .atDiscount(Discount.percentOff(BigDecimal.valueOf(g.discountPercent()))));
        }
        Discount wholeOrder = Discount.multiplier(BigDecimal.valueOf(wholeOrderPermille, 3));
        Quote quote = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Generated").withCurrency(currency)
                .withLines(inputs).withWholeOrderDiscount(wholeOrder));

        Money sumOfLines = Money.sum(currency, quote.lines().stream().map(SalesLine::amount).toList());
        assertThat(quote.subtotal()).isEqualTo(sumOfLines);
        assertThat(quote.total()).isEqualTo(Money.rounded(wholeOrder.applyTo(sumOfLines.amount()), currency,
                RoundingMode.HALF_UP));

        SalesOrder order = q.conversions.quoteToOrder(actor(REP), quote.id(), null);
        assertThat(order.total()).isEqualTo(quote.total());
        Money allocated = Money.sum(currency, order.lines().stream().map(OrderLine::allocatedTotal).toList());
        assertThat(allocated).isEqualTo(order.total());
        BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(scale);
        for (OrderLine line : order.lines()) {
            BigDecimal exact = order.subtotal().isZero() ? BigDecimal.ZERO
                    : order.total().amount().multiply(line.line().amount().amount())
                            .divide(order.subtotal().amount(), 20, RoundingMode.HALF_EVEN);
            assertThat(line.allocatedTotal().amount().subtract(exact).abs()).isLessThan(minorUnit);
        }
    }

    @Test
    void ordersFromAContractNeverExceedItsAmount() {
        Product widget = q.fx.product("Widget", "1.00");
        qt().withExamples(60).forAll(integers().between(0, 100_000), lists().of(integers().between(1, 30_000))
                        .ofSizeBetween(1, 12))
                .checkAssert((amountMinor, orderMinors) -> {
                    Money amount = Money.ofMinor(amountMinor, SalesFixture.CNY);
                    Contract contract = q.contract(account, amount.amount().toPlainString(),
                            List.of(line(1, widget, "1", null)), b -> b);
                    Money ordered = Money.zero(SalesFixture.CNY);
                    for (int minor : orderMinors) {
                        Money price = Money.ofMinor(minor, SalesFixture.CNY);
                        Repricing repricing = Repricing.none().salesPrice(1,
                                io.crmkit.core.money.UnitPrice.of(price.amount(), SalesFixture.CNY));
                        boolean fits = !ordered.plus(price).isGreaterThan(amount);
                        try {
                            SalesOrder order = q.conversions.contractToOrder(actor(REP), contract.id(), repricing);
                            assertThat(fits).as("accepted only when it fits").isTrue();
                            ordered = ordered.plus(order.total());
                        } catch (RuleViolationException e) {
                            assertThat(fits).as("refused only when it does not fit").isFalse();
                            assertThat(e.limit()).isEqualTo(amount.minus(ordered));
                        }
                        assertThat(ordered.isGreaterThan(amount)).isFalse();
                    }
                });
        assertThat(q.orders()).as("examples actually ran").hasSizeGreaterThan(60);
    }
}
