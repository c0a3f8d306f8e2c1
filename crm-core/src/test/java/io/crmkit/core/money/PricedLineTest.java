package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricedLineTest {
    private static final UnitPrice LIST = UnitPrice.of("33.3333", "CNY");
    private static final UnitPrice SALES = UnitPrice.of("28.3333", "CNY");

    @Test
    void acceptsTheAmountRoundedEitherWayAtATie() {
        // 10.125 × 2 = 20.25 exactly; 10.125 × 1 = 10.125 is a tie: 10.12 and 10.13 are both half a fen away.
        UnitPrice price = UnitPrice.of("10.125", "CNY");
        assertThat(new PricedLine(BigDecimal.ONE, price, price, Money.of("10.13", "CNY")).amount()).isEqualTo(Money.of("10.13", "CNY"));
        assertThat(new PricedLine(BigDecimal.ONE, price, price, Money.of("10.12", "CNY")).amount()).isEqualTo(Money.of("10.12", "CNY"));
    }

    @Test
    void rejectsAnAmountThatIsNotPriceTimesQuantity() {
        // 28.3333 × 3 = 84.9999 → 85.00; 84.99 is more than half a fen away.
        assertThat(new PricedLine(new BigDecimal("3"), LIST, SALES, Money.of("85.00", "CNY")).amount())
                .isEqualTo(Money.of("85", "CNY"));
        assertViolation(() -> new PricedLine(new BigDecimal("3"), LIST, SALES, Money.of("84.99", "CNY")),
                "amount", ErrorCode.FIELD_INVALID);
    }

    @Test
    void rejectsBadQuantitiesAndMixedCurrencies() {
        assertViolation(() -> new PricedLine(BigDecimal.ZERO, LIST, SALES, Money.of("0", "CNY")),
                "quantity", ErrorCode.FIELD_NOT_POSITIVE);
        assertViolation(() -> new PricedLine(BigDecimal.ONE, UnitPrice.of("1", "USD"), SALES, Money.of("28.33", "CNY")),
                "salesPrice", ErrorCode.CURRENCY_MISMATCH);
        assertViolation(() -> new PricedLine(BigDecimal.ONE, LIST, SALES, Money.of("28.33", "USD")),
                "amount", ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void discountRatioIsSalesOverList() {
        PricedLine line = new PricedLine(BigDecimal.ONE, UnitPrice.of("200", "CNY"), UnitPrice.of("170", "CNY"),
                Money.of("170", "CNY"));
        // 170 / 200 = 0.85
        assertThat(line.discountRatio(4)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.85"));
        assertThat(line.currency()).isEqualTo(MoneyFixtures.CNY);
        // Selling above list: 250 / 200 = 1.25, a ratio rather than a discount.
        PricedLine above = new PricedLine(BigDecimal.ONE, UnitPrice.of("200", "CNY"), UnitPrice.of("250", "CNY"),
                Money.of("250", "CNY"));
        assertThat(above.discountRatio(2)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("1.25"));
        PricedLine freeList = new PricedLine(BigDecimal.ONE, UnitPrice.of("0", "CNY"), UnitPrice.of("5", "CNY"),
                Money.of("5", "CNY"));
        assertThat(freeList.discountRatio(2)).isEmpty();
    }
}
