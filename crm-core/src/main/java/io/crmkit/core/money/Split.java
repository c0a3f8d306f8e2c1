package io.crmkit.core.money;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/**
 * Splits an amount into parts that add up to it exactly: by percentages (a payment plan of 30% /
 * 50% / 20%) or into equal parts (instalments). Both use {@link Allocation#largestRemainder}, so each
 * part is within one minor unit of its exact share and left-over minor units go to the largest
 * remainders, ties to the earlier part.
 */
public final class Split {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Split() {}

    /**
     * Splits {@code total} by {@code percentages}: CNY 1000.01 by 30 / 50 / 20 gives 300.00, 500.01 and
     * 200.00.
     *
     * @param total the amount to split; may be zero or negative
     * @param percentages one percentage per part, each zero or more, adding up to exactly 100
     *     (fractions such as 33.33 / 33.33 / 33.34 are fine)
     * @return one amount per percentage, in order, adding up to {@code total} exactly
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null argument or element,
     *     {@link ErrorCode#FIELD_NEGATIVE} on {@code percentages[i]} for a negative percentage, or
     *     {@link ErrorCode#SPLIT_PERCENTAGES_NOT_100} on {@code percentages} when they do not add up to
     *     100
     */
    public static List<Money> byPercentages(Money total, List<BigDecimal> percentages) {
        Checks.required("total", total);
        Checks.required("percentages", percentages);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < percentages.size(); i++) {
            sum = sum.add(Checks.nonNegative("percentages[" + i + "]", percentages.get(i)));
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw ValidationException.of("percentages", ErrorCode.SPLIT_PERCENTAGES_NOT_100,
                    sum.stripTrailingZeros().toPlainString());
        }
        return Allocation.largestRemainder(total, percentages);
    }

    /**
     * Splits {@code total} into {@code parts} equal parts: CNY 100.00 into 3 gives 33.34, 33.33 and
     * 33.33 (the earlier parts take the left-over minor units).
     *
     * @param total the amount to split; may be zero or negative
     * @param parts how many parts, at least 1
     * @return {@code parts} amounts, adding up to {@code total} exactly, none differing from another by
     *     more than one minor unit
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null total or
     *     {@link ErrorCode#FIELD_OUT_OF_RANGE} on {@code parts} when it is less than 1
     */
    public static List<Money> equalParts(Money total, int parts) {
        Checks.required("total", total);
        Checks.range("parts", parts, 1, Integer.MAX_VALUE);
        return Allocation.largestRemainder(total, Collections.nCopies(parts, BigDecimal.ONE));
    }
}
