package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.BHD;
import static io.crmkit.core.money.MoneyFixtures.CNY;
import static io.crmkit.core.money.MoneyFixtures.JPY;
import static io.crmkit.core.money.MoneyFixtures.USD;
import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static io.crmkit.core.money.MoneyFixtures.currencies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void trailingZerosDoNotMatter() {
        Money a = Money.of("12.5", "CNY");
        Money b = Money.of("12.50", "CNY");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.amount().scale()).isEqualTo(2);
        assertThat(a.toString()).isEqualTo("CNY 12.50");
        // 100.00 yen is the whole number 100: the zeros are not precision JPY lacks.
        assertThat(Money.of("100.00", "JPY")).isEqualTo(Money.ofMinor(100, JPY));
        assertThat(Money.of("100.00", "JPY").toString()).isEqualTo("JPY 100");
        // 1E+3 has a negative scale; it is still 1000.00.
        assertThat(Money.of(new BigDecimal("1E+3"), CNY).amount()).isEqualByComparingTo("1000").hasToString("1000.00");
    }

    @Test
    void amountsFinerThanTheCurrencyAreRejectedNotRounded() {
        assertViolation(() -> Money.of("1.234", "CNY"), "amount", ErrorCode.MONEY_SCALE_EXCEEDED);
        assertViolation(() -> Money.of("1.5", "JPY"), "amount", ErrorCode.MONEY_SCALE_EXCEEDED);
        assertViolation(() -> Money.of("1.0001", "BHD"), "amount", ErrorCode.MONEY_SCALE_EXCEEDED);
        // Three places are fine for dinars.
        assertThat(Money.of("1.234", "BHD").amount()).hasToString("1.234");
    }

    @Test
    void badTextAndCurrenciesAreRejected() {
        assertViolation(() -> Money.of("12,50", "CNY"), "amount", ErrorCode.FIELD_INVALID);
        assertViolation(() -> Money.of("1", "RMB"), "currency", ErrorCode.FIELD_INVALID);
        // XXX ("no currency") has no minor unit.
        assertViolation(() -> Money.zero(Currency.getInstance("XXX")), "currency", ErrorCode.CURRENCY_UNSUPPORTED);
        assertViolation(() -> Money.of((BigDecimal) null, CNY), "amount", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void minorUnitsFollowTheCurrencyScale() {
        assertThat(Money.ofMinor(12345, CNY)).isEqualTo(Money.of("123.45", "CNY"));
        assertThat(Money.ofMinor(12345, JPY)).isEqualTo(Money.of("12345", "JPY"));
        assertThat(Money.ofMinor(12345, BHD)).isEqualTo(Money.of("12.345", "BHD"));
        assertThat(Money.ofMinor(BigInteger.valueOf(-7), USD)).isEqualTo(Money.of("-0.07", "USD"));
        assertThat(Money.of("-0.07", "USD").minorUnits()).isEqualTo(BigInteger.valueOf(-7));
    }

    @Test
    void roundingIsExplicit() {
        // 1.005 is a tie at cents: half-up goes to 1.01, half-even and half-down to 1.00.
        assertThat(Money.rounded(new BigDecimal("1.005"), CNY, RoundingMode.HALF_UP)).isEqualTo(Money.of("1.01", "CNY"));
        assertThat(Money.rounded(new BigDecimal("1.005"), CNY, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("1.00", "CNY"));
        assertThat(Money.rounded(new BigDecimal("1.005"), CNY, RoundingMode.HALF_DOWN)).isEqualTo(Money.of("1.00", "CNY"));
        // 1.015: half-even goes to the even neighbour 1.02.
        assertThat(Money.rounded(new BigDecimal("1.015"), CNY, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("1.02", "CNY"));
        // 100.00 × 0.333 = 33.300 exactly; 99.99 × 0.5 = 49.995 → 50.00 half-up.
        assertThat(Money.of("100.00", "CNY").times(new BigDecimal("0.333"), RoundingMode.HALF_UP)).isEqualTo(Money.of("33.30", "CNY"));
        assertThat(Money.of("99.99", "CNY").times(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Money.of("50.00", "CNY"));
    }

    @Test
    void arithmeticAndComparison() {
        Money a = Money.of("10.10", "CNY");
        Money b = Money.of("0.95", "CNY");
        assertThat(a.plus(b)).isEqualTo(Money.of("11.05", "CNY"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-9.15", "CNY"));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.negate().negate()).isEqualTo(a);
        assertThat(a.minus(a).isZero()).isTrue();
        assertThat(a.isPositive()).isTrue();
        assertThat(a.max(b)).isEqualTo(a);
        assertThat(a.min(b)).isEqualTo(b);
        assertThat(a.isGreaterThan(b)).isTrue();
        assertThat(a.isLessThan(b)).isFalse();
        assertThat(a.compareTo(Money.of("10.1", "CNY"))).isZero();
    }

    @Test
    void currenciesNeverMix() {
        Money cny = Money.of("1.00", "CNY");
        Money usd = Money.of("1.00", "USD");
        assertViolation(() -> cny.plus(usd), "currency", ErrorCode.CURRENCY_MISMATCH);
        assertViolation(() -> cny.minus(usd), "currency", ErrorCode.CURRENCY_MISMATCH);
        assertViolation(() -> cny.compareTo(usd), "currency", ErrorCode.CURRENCY_MISMATCH);
        assertThat(cny).isNotEqualTo(usd);
    }

    @Test
    void sumAddsAmountsOfOneCurrency() {
        assertThat(Money.sum(CNY, List.of())).isEqualTo(Money.zero(CNY));
        // 0.10 + 0.20 + 0.30 = 0.60 exactly (no binary floating point here).
        assertThat(Money.sum(CNY, List.of(Money.of("0.1", "CNY"), Money.of("0.2", "CNY"), Money.of("0.3", "CNY"))))
                .isEqualTo(Money.of("0.60", "CNY"));
        assertViolation(() -> Money.sum(CNY, List.of(Money.of("1", "CNY"), Money.of("1", "USD"))),
                "amounts[1]", ErrorCode.CURRENCY_MISMATCH);
        assertViolation(() -> Money.sum(CNY, Arrays.asList(Money.of("1", "CNY"), null)),
                "amounts[1]", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void sumAndDifferenceAreExactInMinorUnits() {
        qt().withExamples(500)
                .forAll(currencies(), lists().of(longs().between(-1_000_000_000_000L, 1_000_000_000_000L)).ofSizeBetween(0, 20))
                .checkAssert((currency, minors) -> {
                    List<Money> amounts = minors.stream().map(m -> Money.ofMinor(m, currency)).toList();
                    BigInteger expected = minors.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
                    Money sum = Money.sum(currency, amounts);
                    assertThat(sum.minorUnits()).isEqualTo(expected);
                    assertThat(sum.scale()).isEqualTo(currency.getDefaultFractionDigits());
                    for (Money m : amounts) {
                        assertThat(sum.minus(m).plus(m)).isEqualTo(sum);
                    }
                });
    }
}
