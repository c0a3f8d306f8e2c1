package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static io.crmkit.core.money.MoneyFixtures.currencies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class SplitTest {

    private static List<BigDecimal> percent(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static Gen<Long> minorUnits() {
        return longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
    }

    /**
     * Percentages with two decimal places that add up to exactly 100: cut 100.00 at sorted points
     * (in hundredths) and take the pieces. Points may coincide, giving 0% parts.
     */
    private static Gen<List<BigDecimal>> percentages() {
        return lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 11).map(cuts -> {
            List<Integer> points = new ArrayList<>(cuts);
            points.sort(Comparator.naturalOrder());
            List<BigDecimal> result = new ArrayList<>();
            int previous = 0;
            for (int p : points) {
                result.add(BigDecimal.valueOf(p - previous, 2));
                previous = p;
            }
            result.add(BigDecimal.valueOf(10_000 - previous, 2));
            return result;
        });
    }

    @Test
    void paymentPlanOfCny() {
        // 100001 fen × 30% / 50% / 20% = 30000.3, 50000.5, 20000.2 fen; floors add up to 100000,
        // the 1 fen left goes to the largest remainder (.5, the 50% part).
        assertThat(Split.byPercentages(Money.of("1000.01", "CNY"), percent("30", "50", "20")))
                .containsExactly(Money.of("300.00", "CNY"), Money.of("500.01", "CNY"), Money.of("200.00", "CNY"));
    }

    @Test
    void paymentPlanOfJpy() {
        // 1001 yen × 30% / 50% / 20% = 300.3, 500.5, 200.2; floors 1000, 1 yen left → the 50% part.
        assertThat(Split.byPercentages(Money.of("1001", "JPY"), percent("30", "50", "20")))
                .containsExactly(Money.of("300", "JPY"), Money.of("501", "JPY"), Money.of("200", "JPY"));
    }

    @Test
    void fractionalPercentages() {
        // 100.00 CNY × 33.33 / 33.33 / 33.34 % = 3333, 3333, 3334 fen exactly: nothing left to place.
        assertThat(Split.byPercentages(Money.of("100", "CNY"), percent("33.33", "33.33", "33.34")))
                .containsExactly(Money.of("33.33", "CNY"), Money.of("33.33", "CNY"), Money.of("33.34", "CNY"));
        // A single 100% part is the whole.
        assertThat(Split.byPercentages(Money.of("0.07", "USD"), percent("100.000")))
                .containsExactly(Money.of("0.07", "USD"));
    }

    @Test
    void equalParts() {
        // 10000 fen / 3 = 3333 r 1: the first part takes the extra fen.
        assertThat(Split.equalParts(Money.of("100.00", "CNY"), 3))
                .containsExactly(Money.of("33.34", "CNY"), Money.of("33.33", "CNY"), Money.of("33.33", "CNY"));
        // 5 yen / 4 = 1 r 1.
        assertThat(Split.equalParts(Money.of("5", "JPY"), 4))
                .containsExactly(Money.of("2", "JPY"), Money.of("1", "JPY"), Money.of("1", "JPY"), Money.of("1", "JPY"));
        assertThat(Split.equalParts(Money.of("5", "JPY"), 1)).containsExactly(Money.of("5", "JPY"));
    }

    @Test
    void percentagesMustAddUpToHundred() {
        assertViolation(() -> Split.byPercentages(Money.of("1000", "CNY"), percent("30", "50", "19")),
                "percentages", ErrorCode.SPLIT_PERCENTAGES_NOT_100);
        assertViolation(() -> Split.byPercentages(Money.of("1000", "CNY"), percent("30", "50", "20.01")),
                "percentages", ErrorCode.SPLIT_PERCENTAGES_NOT_100);
        assertViolation(() -> Split.byPercentages(Money.of("1000", "CNY"), List.of()),
                "percentages", ErrorCode.SPLIT_PERCENTAGES_NOT_100);
        // 120 + (−20) = 100 but a negative part is not a plan.
        assertViolation(() -> Split.byPercentages(Money.of("1000", "CNY"), percent("120", "-20")),
                "percentages[1]", ErrorCode.FIELD_NEGATIVE);
    }

    @Test
    void ninetyNinePercentIsReportedWithTheSum() {
        assertThatThrownBy(() -> Split.byPercentages(Money.of("1000", "CNY"), percent("30", "50", "19")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).contains("99");
                    assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("99").contains("100");
                });
    }

    @Test
    void atLeastOnePart() {
        assertViolation(() -> Split.equalParts(Money.of("1", "CNY"), 0), "parts", ErrorCode.FIELD_OUT_OF_RANGE);
        assertViolation(() -> Split.equalParts(Money.of("1", "CNY"), -3), "parts", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void percentageSplitsAddUpAndStayWithinOneMinorUnit() {
        qt().withExamples(1000).forAll(currencies(), minorUnits(), percentages()).checkAssert((currency, minor, pcts) -> {
            Money total = Money.ofMinor(minor, currency);
            List<Money> parts = Split.byPercentages(total, pcts);
            assertThat(parts).hasSameSizeAs(pcts);
            assertThat(Money.sum(currency, parts)).isEqualTo(total);
            BigDecimal unit = MoneyFixtures.minorUnit(currency);
            for (int i = 0; i < parts.size(); i++) {
                // |part − total × p / 100| < 1 unit, i.e. |part × 100 − total × p| < 100 units.
                BigDecimal gap = parts.get(i).amount().movePointRight(2).subtract(total.amount().multiply(pcts.get(i)));
                assertThat(gap.abs()).isLessThan(unit.movePointRight(2));
            }
        });
    }

    @Test
    void equalPartsAddUpAndDifferByAtMostOneMinorUnit() {
        qt().withExamples(1000).forAll(currencies(), minorUnits(), integers().between(1, 50)).checkAssert((currency, minor, n) -> {
            Money total = Money.ofMinor(minor, currency);
            List<Money> parts = Split.equalParts(total, n);
            assertThat(parts).hasSize(n);
            assertThat(Money.sum(currency, parts)).isEqualTo(total);
            Money max = parts.stream().max(Money::compareTo).orElseThrow();
            Money min = parts.stream().min(Money::compareTo).orElseThrow();
            assertThat(max.minus(min).minorUnits().intValueExact()).isBetween(0, 1);
            // The earlier parts take the extra units: ordered by size, largest magnitude first.
            for (int i = 1; i < n; i++) {
                assertThat(parts.get(i - 1).amount().abs()).isGreaterThanOrEqualTo(parts.get(i).amount().abs());
            }
        });
    }
}
