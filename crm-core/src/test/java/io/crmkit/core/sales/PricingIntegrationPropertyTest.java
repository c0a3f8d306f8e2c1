package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.ACCOUNT;
import static io.crmkit.core.sales.SalesFixtures.OWNER;
import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.money.Discount;
import io.crmkit.core.money.PriceBreakdown;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.Pricing;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.ProductId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever the pricing functions compute (any allowed rounding mode, line discounts, fractional
 * quantities, CNY or JPY), quotes and orders accept it: the documents' checks and the pricing
 * agree.
 */
class PricingIntegrationPropertyTest {

    @Test
    void pricedFiguresAlwaysMakeValidQuotesAndOrders() {
        List<RoundingMode> modes = List.copyOf(PricingPolicy.ALLOWED_ROUNDING);
        // Each line: quantity in thousandths (1..50000), list price in ten-thousandths (0..2000000),
        // line discount in percent off (0..100).
        var lineSpecs = lists().of(integers().between(1, 50_000).zip(integers().between(0, 2_000_000),
                integers().between(0, 100), (q, p, d) -> new int[] {q, p, d})).ofSizeBetween(0, 8);
        qt().withExamples(500)
                .forAll(lineSpecs, integers().between(0, 100), arbitrary().pick(modes), arbitrary().pick(List.of("CNY", "JPY")))
                .checkAssert((specs, orderPercentOff, mode, code) -> {
                    Currency currency = Currency.getInstance(code);
                    PricingPolicy policy = PricingPolicy.defaults().withRoundingMode(mode);
                    List<PricedLine> priced = new ArrayList<>();
                    for (int[] s : specs) {
                        priced.add(Pricing.priceLineAtDiscount(BigDecimal.valueOf(s[0], 3),
                                UnitPrice.of(BigDecimal.valueOf(s[1], 4), currency),
                                Discount.percentOff(BigDecimal.valueOf(s[2])), policy));
                    }
                    Discount discount = Discount.percentOff(BigDecimal.valueOf(orderPercentOff));
                    PriceBreakdown breakdown = Pricing.price(currency, priced, discount, policy);
                    List<SalesLine> lines = new ArrayList<>();
                    for (int i = 0; i < priced.size(); i++) {
                        lines.add(new SalesLine(i + 1, ProductId.of("p" + i), "P" + i, priced.get(i), null));
                    }
                    List<OrderLine> orderLines = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        orderLines.add(new OrderLine(lines.get(i), breakdown.pushDown().get(i), null));
                    }

                    Quote quote = Quote.builder().id(QuoteId.of("q")).tenantId(TENANT).accountId(ACCOUNT).title("Q")
                            .currency(currency).lines(lines).wholeOrderDiscount(discount)
                            .subtotal(breakdown.subtotal()).total(breakdown.total())
                            .owner(OWNER).createdAt(T0).updatedAt(T0).build();
                    SalesOrder order = SalesOrder.builder().id(SalesOrderId.of("o")).tenantId(TENANT).accountId(ACCOUNT)
                            .currency(currency).lines(orderLines).wholeOrderDiscount(discount)
                            .subtotal(breakdown.subtotal()).total(breakdown.total())
                            .owner(OWNER).createdAt(T0).updatedAt(T0).build();

                    assertThat(quote.total()).isEqualTo(breakdown.total());
                    assertThat(order.outstanding()).isEqualTo(breakdown.total());
                });
    }
}
