package io.crmkit.core.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;

/**
 * A discount, held as the <em>multiplier</em> the buyer pays: {@code 0.9} means the buyer pays 90%
 * of the price ("10% off", 九折). {@code 1} is no discount; {@code 0} makes the price exactly zero.
 *
 * <p>Because "0.9" and "90% off" are easy to confuse, construct discounts through the factory whose
 * name says which you mean, and which rejects the other reading where it can:
 * <ul>
 *   <li>{@link #multiplier(String) Discount.multiplier("0.9")}: the buyer pays 90%;</li>
 *   <li>{@link #percentOff(String) Discount.percentOff("10")}: 10% off, the same discount;</li>
 *   <li>{@link #zhe(String) Discount.zhe("9")}: 九折, the Chinese way of writing the same discount
 *       (8.5 折 = {@code zhe("8.5")} = pays 85%).</li>
 * </ul>
 * Anything outside [0, 1] as a multiplier is rejected with {@link ErrorCode#DISCOUNT_OUT_OF_RANGE}.
 * The multiplier is normalised (trailing zeros stripped), so {@code 0.90} equals {@code 0.9}.
 *
 * @param multiplier the fraction of the price the buyer pays, in [0, 1]
 */
public record Discount(BigDecimal multiplier) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN = BigDecimal.TEN;

    /** No discount: the buyer pays 100%. */
    public static final Discount NONE = new Discount(BigDecimal.ONE);

    /** Everything free: the buyer pays 0%. */
    public static final Discount FREE = new Discount(BigDecimal.ZERO);

    /** Rejects multipliers outside [0, 1] and normalises the scale. */
    public Discount {
        Checks.required("discount", multiplier);
        if (multiplier.signum() < 0 || multiplier.compareTo(BigDecimal.ONE) > 0) {
            throw ValidationException.of("discount", ErrorCode.DISCOUNT_OUT_OF_RANGE, multiplier.toPlainString());
        }
        multiplier = normalise(multiplier);
    }

    /** The discount where the buyer pays {@code multiplier} of the price: {@code "0.9"} pays 90%. */
    public static Discount multiplier(String multiplier) {
        return new Discount(parse(multiplier));
    }

    /** The discount where the buyer pays {@code multiplier} of the price: {@code 0.9} pays 90%. */
    public static Discount multiplier(BigDecimal multiplier) {
        return new Discount(multiplier);
    }

    /** {@code percent}% off: {@code "10"} means the buyer pays 90%. Must be in [0, 100]. */
    public static Discount percentOff(String percent) {
        return percentOff(parse(percent));
    }

    /** {@code percent}% off: {@code 10} means the buyer pays 90%. Must be in [0, 100]. */
    public static Discount percentOff(BigDecimal percent) {
        Checks.required("percentOff", percent);
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw ValidationException.of("percentOff", ErrorCode.FIELD_OUT_OF_RANGE, 0, 100, percent.toPlainString());
        }
        return new Discount(BigDecimal.ONE.subtract(percent.movePointLeft(2)));
    }

    /**
     * A discount written the Chinese way, 折: {@code "9"} (九折) means the buyer pays 90%,
     * {@code "8.5"} pays 85%, {@code "10"} is no discount. Must be in [0, 10].
     */
    public static Discount zhe(String zhe) {
        BigDecimal value = parse(zhe);
        if (value.signum() < 0 || value.compareTo(TEN) > 0) {
            throw ValidationException.of("zhe", ErrorCode.FIELD_OUT_OF_RANGE, 0, 10, value.toPlainString());
        }
        return new Discount(value.movePointLeft(1));
    }

    /** How many percent off this is: {@code 10} for a multiplier of 0.9. */
    @JsonIgnore
    public BigDecimal percentOff() {
        return normalise(BigDecimal.ONE.subtract(multiplier).movePointRight(2));
    }

    /** Whether this is no discount at all (multiplier 1). */
    @JsonIgnore
    public boolean isNone() {
        return multiplier.compareTo(BigDecimal.ONE) == 0;
    }

    /** {@code value × multiplier}, unrounded: the caller rounds to the scale its figure needs. */
    public BigDecimal applyTo(BigDecimal value) {
        return value.multiply(multiplier);
    }

    /** For example {@code ×0.9 (10% off)}. */
    @Override
    public String toString() {
        return "×" + multiplier.toPlainString() + " (" + percentOff().toPlainString() + "% off)";
    }

    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal parse(String text) {
        Checks.required("discount", text);
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of("discount", ErrorCode.FIELD_INVALID, "not a decimal number: " + text);
        }
    }
}
