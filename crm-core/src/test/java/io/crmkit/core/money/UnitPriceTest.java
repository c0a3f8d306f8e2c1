package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.CNY;
import static io.crmkit.core.money.MoneyFixtures.JPY;
import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitPriceTest {

    @Test
    void keepsThePriceScaleNotTheCurrencyScale() {
        // A unit price may be finer than the currency: 33.3333 CNY and 0.5 JPY are fine prices.
        assertThat(UnitPrice.of("33.3333", "CNY").amount()).hasToString("33.3333");
        assertThat(UnitPrice.of("0.5", "JPY").amount()).hasToString("0.5");
        assertThat(UnitPrice.of(new BigDecimal("0.0000000001"), CNY).amount()).isEqualByComparingTo("1E-10");
    }

    @Test
    void trailingZerosAreStripped() {
        assertThat(UnitPrice.of("12.50", "CNY")).isEqualTo(UnitPrice.of("12.5", "CNY"));
        assertThat(UnitPrice.of("12.50", "CNY").amount()).hasToString("12.5");
        // 1200 stays 1200, not 1.2E+3.
        assertThat(UnitPrice.of("1200.00", "JPY").amount()).hasToString("1200");
        assertThat(UnitPrice.of("0.000", "CNY").amount()).hasToString("0");
        assertThat(UnitPrice.of("12.5", "CNY")).isNotEqualTo(UnitPrice.of("12.5", "USD"));
    }

    @Test
    void toStringShowsPerUnit() {
        assertThat(UnitPrice.of("12.3456", "CNY")).hasToString("CNY 12.3456/unit");
        assertThat(UnitPrice.of(new BigDecimal("1980"), JPY)).hasToString("JPY 1980/unit");
    }

    @Test
    void rejectsNegativeOverPreciseAndMalformedPrices() {
        assertViolation(() -> UnitPrice.of("-0.01", "CNY"), "price", ErrorCode.FIELD_NEGATIVE);
        assertViolation(() -> UnitPrice.of("0.00000000001", "CNY"), "price", ErrorCode.FIELD_OUT_OF_RANGE);
        assertViolation(() -> UnitPrice.of("abc", "CNY"), "price", ErrorCode.FIELD_INVALID);
        assertViolation(() -> UnitPrice.of("1", "ABCD"), "currency", ErrorCode.FIELD_INVALID);
        assertViolation(() -> UnitPrice.of(BigDecimal.ONE, null), "currency", ErrorCode.FIELD_REQUIRED);
    }
}
