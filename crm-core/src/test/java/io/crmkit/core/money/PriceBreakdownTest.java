package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.CNY;
import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.error.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBreakdownTest {
    private static final PricingPolicy POLICY = PricingPolicy.defaults();

    private static PricedLine line(String quantity, String price) {
        UnitPrice unit = UnitPrice.of(price, "CNY");
        return Pricing.priceLine(new BigDecimal(quantity), unit, unit, POLICY);
    }

    @Test
    void pushDownAddsUpWhereNaiveRoundingDrifts() {
        // Three lines of 10.01 at 5折: subtotal 30.03, total 30.03 × 0.5 = 15.015 → 15.02.
        List<PricedLine> lines = Collections.nCopies(3, line("1", "10.01"));
        Discount half = Discount.zhe("5");
        PriceBreakdown quote = Pricing.price(CNY, lines, half, POLICY);
        assertThat(quote.total()).isEqualTo(Money.of("15.02", "CNY"));

        // Naive: each line 10.01 × 0.5 = 5.005 → 5.01, and 3 × 5.01 = 15.03, a fen more than the total.
        List<Money> naive = lines.stream().map(l -> l.amount().times(half.multiplier(), RoundingMode.HALF_UP)).toList();
        assertThat(naive).containsOnly(Money.of("5.01", "CNY"));
        assertThat(Money.sum(CNY, naive)).isEqualTo(Money.of("15.03", "CNY")).isNotEqualTo(quote.total());

        // Largest remainder: 1502 fen × 1/3 = 500.67 each; floors 1500, the 2 fen left go to lines 0 and 1 (tie → lower index).
        assertThat(quote.pushDown()).containsExactly(Money.of("5.01", "CNY"), Money.of("5.01", "CNY"), Money.of("5.00", "CNY"));
        assertThat(Money.sum(CNY, quote.pushDown())).isEqualTo(quote.total());
    }

    @Test
    void pushDownDriftsTheOtherWayToo() {
        // Lines 0.03, 0.03, 0.03 at 5折: subtotal 0.09 × 0.5 = 0.045 → 0.05 (half-up).
        // Naive: 0.03 × 0.5 = 0.015 → 0.02 each, 0.06 in all. Ours: 5 fen / 3 → 2, 2, 1.
        List<PricedLine> lines = Collections.nCopies(3, line("3", "0.01"));
        PriceBreakdown quote = Pricing.price(CNY, lines, Discount.zhe("5"), POLICY);
        List<Money> naive = lines.stream().map(l -> l.amount().times(new BigDecimal("0.5"), RoundingMode.HALF_UP)).toList();
        assertThat(Money.sum(CNY, naive)).isEqualTo(Money.of("0.06", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("0.05", "CNY"));
        assertThat(quote.pushDown()).containsExactly(Money.of("0.02", "CNY"), Money.of("0.02", "CNY"), Money.of("0.01", "CNY"));
    }

    @Test
    void anInconsistentBreakdownCannotBeBuilt() {
        List<PricedLine> lines = List.of(line("1", "10.00"), line("2", "5.005"));
        // 10.00 + 10.01 = 20.01; × 0.9 = 18.009 → 18.01.
        Discount discount = Discount.zhe("9");
        assertThat(new PriceBreakdown(CNY, lines, Money.of("20.01", "CNY"), discount, Money.of("18.01", "CNY")).total())
                .isEqualTo(Money.of("18.01", "CNY"));
        assertViolation(() -> new PriceBreakdown(CNY, lines, Money.of("20.00", "CNY"), discount, Money.of("18.00", "CNY")),
                "subtotal", ErrorCode.FIELD_INVALID);
        assertViolation(() -> new PriceBreakdown(CNY, lines, Money.of("20.01", "CNY"), discount, Money.of("18.02", "CNY")),
                "total", ErrorCode.FIELD_INVALID);
        assertViolation(() -> new PriceBreakdown(CNY, lines, Money.of("20.01", "USD"), discount, Money.of("18.01", "CNY")),
                "subtotal", ErrorCode.CURRENCY_MISMATCH);
        assertViolation(() -> new PriceBreakdown(MoneyFixtures.USD, lines, Money.of("20.01", "USD"), discount,
                Money.of("18.01", "USD")), "lines[0]", ErrorCode.CURRENCY_MISMATCH);
        // Null lines mean none.
        assertThat(new PriceBreakdown(CNY, null, Money.zero(CNY), discount, Money.zero(CNY)).lines()).isEmpty();
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        PriceBreakdown quote = Pricing.price(CNY, List.of(line("3", "28.3333"), line("2.5", "87.4913")), Discount.zhe("9.8"), POLICY);
        String json = mapper.writeValueAsString(quote);
        assertThat(json).doesNotContain("discountAmount").doesNotContain("pushDown");
        assertThat(mapper.readValue(json, PriceBreakdown.class)).isEqualTo(quote);
    }
}
