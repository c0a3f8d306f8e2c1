package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.BHD;
import static io.crmkit.core.money.MoneyFixtures.CNY;
import static io.crmkit.core.money.MoneyFixtures.JPY;
import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static io.crmkit.core.money.MoneyFixtures.currencies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AllocationTest {

    /** Weights 0 to 1,000,000 with 0 to 4 decimal places, so shares are rarely whole. */
    private static Gen<BigDecimal> weights() {
        return longs().between(0, 1_000_000).zip(integers().between(0, 4), BigDecimal::valueOf);
    }

    /** Weights 0 to 3 mixed with arbitrary ones, so that equal remainders (ties) are common. */
    private static Gen<BigDecimal> tieProneWeights() {
        return weights().mix(longs().between(0, 3).map(w -> BigDecimal.valueOf(w)));
    }

    private static Gen<Long> minorUnits() {
        return longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
    }

    private static List<Money> cny(String... amounts) {
        return Arrays.stream(amounts).map(a -> Money.of(a, "CNY")).toList();
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void largestRemaindersTakeTheLeftOverUnits() {
        // 100.00 by 1:1:1 → 3333.33… fen each; floors 3333 × 3 = 9999, 1 fen left; the remainders tie, so index 0 gets it.
        assertThat(Allocation.largestRemainder(Money.of("100.00", "CNY"), decimals("1", "1", "1")))
                .containsExactlyElementsOf(cny("33.34", "33.33", "33.33"));
        // 10.00 by 1:2:3 → 166.67, 333.33, 500.00 fen; floors 166 + 333 + 500 = 999, 1 left; largest remainder .67 → index 0.
        assertThat(Allocation.largestRemainder(Money.of("10.00", "CNY"), decimals("1", "2", "3")))
                .containsExactlyElementsOf(cny("1.67", "3.33", "5.00"));
        // 0.05 by 0.3:0.3:0.4 → 1.5, 1.5, 2.0 fen; floors 1 + 1 + 2 = 4, 1 left; remainders .5, .5, 0 tie → index 0.
        assertThat(Allocation.largestRemainder(Money.of("0.05", "CNY"), decimals("0.3", "0.30", "0.4")))
                .containsExactlyElementsOf(cny("0.02", "0.01", "0.02"));
    }

    @Test
    void negativeTotalsMirrorPositiveOnes() {
        assertThat(Allocation.largestRemainder(Money.of("-100.00", "CNY"), decimals("1", "1", "1")))
                .containsExactlyElementsOf(cny("-33.34", "-33.33", "-33.33"));
    }

    @Test
    void zeroWeightsGetNothingUnlessAllAreZero() {
        // 7 yen by 0:1:0:1 → 3.5 each for the two weighted parts; the tie goes to index 1.
        assertThat(Allocation.largestRemainder(Money.ofMinor(7, JPY), decimals("0", "1", "0", "1")))
                .containsExactly(Money.ofMinor(0, JPY), Money.ofMinor(4, JPY), Money.ofMinor(0, JPY), Money.ofMinor(3, JPY));
        // All zero: equal split, 7 / 3 = 2 r 1 → the first part gets the extra yen.
        assertThat(Allocation.largestRemainder(Money.ofMinor(7, JPY), decimals("0", "0.000", "0")))
                .containsExactly(Money.ofMinor(3, JPY), Money.ofMinor(2, JPY), Money.ofMinor(2, JPY));
    }

    @Test
    void badWeightsAreRejected() {
        Money total = Money.of("1.00", "CNY");
        assertViolation(() -> Allocation.largestRemainder(total, decimals("1", "-0.5")), "weights[1]", ErrorCode.FIELD_NEGATIVE);
        assertViolation(() -> Allocation.largestRemainder(total, List.of()), "weights", ErrorCode.FIELD_REQUIRED);
        assertViolation(() -> Allocation.largestRemainder(total, Arrays.asList(BigDecimal.ONE, null)), "weights[1]",
                ErrorCode.FIELD_REQUIRED);
        assertViolation(() -> Allocation.largestRemainder(null, decimals("1")), "total", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void partsAddUpAndEachIsWithinOneMinorUnitOfItsShare() {
        qt().withExamples(1000)
                .forAll(currencies(), minorUnits(), lists().of(weights()).ofSizeBetween(1, 20))
                .checkAssert((currency, minor, weights) -> {
                    Money total = Money.ofMinor(minor, currency);
                    List<Money> parts = Allocation.largestRemainder(total, weights);

                    assertThat(parts).hasSameSizeAs(weights).allSatisfy(p -> assertThat(p.currency()).isEqualTo(currency));
                    assertThat(Money.sum(currency, parts)).isEqualTo(total);

                    BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal unit = MoneyFixtures.minorUnit(currency);
                    for (int i = 0; i < parts.size(); i++) {
                        Money part = parts.get(i);
                        if (weightSum.signum() == 0) {
                            // Equal split: |part × n − total| < n minor units.
                            BigDecimal n = BigDecimal.valueOf(parts.size());
                            assertThat(part.amount().multiply(n).subtract(total.amount()).abs()).isLessThan(unit.multiply(n));
                        } else {
                            // |part − total × w / W| < 1 unit, kept exact by multiplying through by W.
                            BigDecimal gap = part.amount().multiply(weightSum).subtract(total.amount().multiply(weights.get(i)));
                            assertThat(gap.abs()).isLessThan(unit.multiply(weightSum));
                            if (weights.get(i).signum() == 0) {
                                assertThat(part.isZero()).isTrue();
                            }
                        }
                        // Parts never point the other way from the total.
                        assertThat(part.amount().signum() * total.amount().signum()).isGreaterThanOrEqualTo(0);
                    }
                });
    }

    @Test
    void leftOverUnitsGoToTheLargestRemaindersTiesToTheLowerIndex() {
        // Being within one unit is not enough: any part that got an extra unit must have had a remainder
        // at least as large as every part that did not (and on equal remainders, a lower index).
        qt().withExamples(1000)
                .forAll(currencies(), longs().between(0, 1_000_000_000L), lists().of(tieProneWeights()).ofSizeBetween(1, 20))
                .checkAssert((currency, minor, weights) -> {
                    BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    List<BigDecimal> effective = weightSum.signum() == 0
                            ? weights.stream().map(w -> BigDecimal.ONE).toList() : weights;
                    BigDecimal sum = effective.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    List<Money> parts = Allocation.largestRemainder(Money.ofMinor(minor, currency), weights);

                    int n = parts.size();
                    BigDecimal[] remainders = new BigDecimal[n];
                    boolean[] roundedUp = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        // share × W = minor × w; floor × W + remainder = minor × w, with 0 ≤ remainder < W.
                        BigDecimal scaledShare = BigDecimal.valueOf(minor).multiply(effective.get(i));
                        BigInteger floor = scaledShare.divideToIntegralValue(sum).toBigIntegerExact();
                        remainders[i] = scaledShare.subtract(new BigDecimal(floor).multiply(sum));
                        BigInteger part = parts.get(i).minorUnits();
                        assertThat(part).isIn(floor, floor.add(BigInteger.ONE));
                        roundedUp[i] = !part.equals(floor);
                    }
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (roundedUp[i] && !roundedUp[j]) {
                                int cmp = remainders[i].compareTo(remainders[j]);
                                assertThat(cmp > 0 || (cmp == 0 && i < j))
                                        .as("part %d got a unit before part %d", i, j).isTrue();
                            }
                        }
                    }
                });
    }

    @Test
    void negatingTheTotalNegatesEveryPart() {
        qt().withExamples(500)
                .forAll(currencies(), minorUnits(), lists().of(weights()).ofSizeBetween(1, 12))
                .checkAssert((currency, minor, weights) -> {
                    Money total = Money.ofMinor(minor, currency);
                    List<Money> positive = Allocation.largestRemainder(total, weights);
                    List<Money> negative = Allocation.largestRemainder(total.negate(), weights);
                    assertThat(negative).containsExactlyElementsOf(positive.stream().map(Money::negate).toList());
                });
    }

    @Test
    void scalingAllWeightsChangesNothing() {
        // Only the proportions count: 1:2 and 0.001:0.002 and 1000:2000 allocate alike.
        qt().withExamples(500)
                .forAll(currencies(), minorUnits(), lists().of(weights()).ofSizeBetween(1, 12), integers().between(-3, 3))
                .checkAssert((currency, minor, weights, shift) -> {
                    Money total = Money.ofMinor(minor, currency);
                    List<BigDecimal> scaled = weights.stream().map(w -> w.scaleByPowerOfTen(shift)).toList();
                    assertThat(Allocation.largestRemainder(total, scaled))
                            .containsExactlyElementsOf(Allocation.largestRemainder(total, weights));
                });
    }

    @Test
    void hugeTotalsStayExact() {
        // 10^30 fen does not fit a long; 3 equal parts of it: 333…334, 333…333, 333…333.
        BigInteger huge = BigInteger.TEN.pow(30);
        Money total = Money.ofMinor(huge, BHD);
        List<Money> parts = Allocation.largestRemainder(total, decimals("1", "1", "1"));
        BigInteger third = huge.divide(BigInteger.valueOf(3));
        assertThat(parts).extracting(Money::minorUnits).containsExactly(third.add(BigInteger.ONE), third, third);
        assertThat(Money.sum(BHD, parts)).isEqualTo(total);
        assertThat(Money.sum(CNY, Allocation.largestRemainder(Money.zero(CNY), decimals("1", "2")))).isEqualTo(Money.zero(CNY));
    }
}
