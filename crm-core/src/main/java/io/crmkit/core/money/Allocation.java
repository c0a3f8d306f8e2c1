package io.crmkit.core.money;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Allocates an amount of money to parts in proportion to weights so that the parts always add up
 * to the whole, exactly, by the largest-remainder method.
 *
 * <p>Rounding each proportional share on its own drifts: three thirds of CNY 100.00 rounded to the
 * cent add up to 99.99. Here each part first gets the exact share rounded <em>down</em> to the minor
 * unit; the minor units that are left over (fewer than the number of parts) go one each to the parts
 * with the largest fractional remainders, ties to the lower index. Every part is therefore within one
 * minor unit of its exact share, the parts add up to the whole, and the result is deterministic.
 * The computation runs in whole minor units ({@link BigInteger}), so it never loses a digit.
 */
public final class Allocation {
    private Allocation() {}

    /**
     * Allocates {@code total} to parts in proportion to {@code weights}.
     *
     * <p>Part {@code i}'s exact share is {@code total × weights[i] ÷ Σ weights}; the returned part is
     * that share rounded down to a minor unit, plus one minor unit for the parts with the largest
     * remainders until the parts add up to {@code total}. A negative total is allocated as its absolute
     * value, then negated, so parts mirror those of the positive total. When every weight is zero the
     * total is split into equal parts (same tie rule). A part whose weight is zero gets zero whenever
     * some weight is positive.
     *
     * @param total the amount to allocate; may be zero or negative
     * @param weights one non-negative weight per part, in part order; at least one
     * @return one amount per weight, in the same order and currency as {@code total}, adding up to
     *     {@code total} exactly
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} if {@code total},
     *     {@code weights} or a weight is null or there is no weight, or with
     *     {@link ErrorCode#FIELD_NEGATIVE} on field {@code weights[i]} for a negative weight
     */
    public static List<Money> largestRemainder(Money total, List<BigDecimal> weights) {
        Checks.required("total", total);
        Checks.required("weights", weights);
        if (weights.isEmpty()) {
            throw ValidationException.of("weights", ErrorCode.FIELD_REQUIRED);
        }
        int maxScale = 0;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal weight = Checks.nonNegative("weights[" + i + "]", weights.get(i));
            // Trailing zeros add digits, not precision: 0.300 needs no more scale than 0.3.
            maxScale = Math.max(maxScale, weight.stripTrailingZeros().scale());
        }

        // Bring every weight to one scale so that they become integers with the same denominator.
        List<BigInteger> units = new ArrayList<>(weights.size());
        BigInteger weightSum = BigInteger.ZERO;
        for (BigDecimal weight : weights) {
            BigInteger unit = weight.setScale(maxScale).unscaledValue();
            units.add(unit);
            weightSum = weightSum.add(unit);
        }
        if (weightSum.signum() == 0) {
            units = Collections.nCopies(weights.size(), BigInteger.ONE);
            weightSum = BigInteger.valueOf(weights.size());
        }

        BigInteger whole = total.minorUnits().abs();
        List<BigInteger> parts = allocateMinorUnits(whole, units, weightSum);
        boolean negative = total.isNegative();
        List<Money> result = new ArrayList<>(parts.size());
        for (BigInteger part : parts) {
            result.add(Money.ofMinor(negative ? part.negate() : part, total.currency()));
        }
        return List.copyOf(result);
    }

    /** Splits {@code whole} (≥ 0) in proportion to {@code weights} summing to {@code weightSum} (> 0). */
    private static List<BigInteger> allocateMinorUnits(BigInteger whole, List<BigInteger> weights,
            BigInteger weightSum) {
        int n = weights.size();
        BigInteger[] parts = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger allocated = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            // Exact share = whole × w / Σw; quotient is the floor, remainder / Σw the fraction dropped.
            BigInteger[] qr = whole.multiply(weights.get(i)).divideAndRemainder(weightSum);
            parts[i] = qr[0];
            remainders[i] = qr[1];
            allocated = allocated.add(qr[0]);
        }
        // Σ remainders = leftover × Σw and each remainder < Σw, so 0 ≤ leftover < n: it fits in an int
        // and only parts with a non-zero remainder receive a unit.
        int leftover = whole.subtract(allocated).intValueExact();
        if (leftover > 0) {
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            // All remainders share the denominator Σw, so comparing them compares the fractions.
            order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            for (int k = 0; k < leftover; k++) {
                int i = order.get(k);
                parts[i] = parts[i].add(BigInteger.ONE);
            }
        }
        return List.of(parts);
    }
}
