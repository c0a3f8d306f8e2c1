package io.crmkit.core.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, always held at the currency's own scale (CNY and USD 2 decimal
 * places, JPY 0, ...). Amounts of different currencies never combine: every operation that mixes
 * them throws a {@link ValidationException} with code {@link ErrorCode#CURRENCY_MISMATCH}.
 *
 * <p>Construction never rounds silently: an amount with more decimal places than the currency has
 * is rejected ({@link ErrorCode#MONEY_SCALE_EXCEEDED}). To round, say how:
 * {@link #rounded(BigDecimal, Currency, RoundingMode)}. Trailing zeros are fine: {@code 12.50} and
 * {@code 12.5} are the same CNY amount and compare equal.
 *
 * <p>Amounts may be negative (a difference, a refund); operations that need a non-negative amount
 * check it where they use it.
 *
 * @param amount the amount, at the currency's scale
 * @param currency the currency; must have a fixed minor unit
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Validates the currency and brings the amount to its scale without rounding. */
    public Money {
        Checks.required("amount", amount);
        int scale = scaleOf(currency);
        if (amount.scale() != scale) {
            if (amount.stripTrailingZeros().scale() > scale) {
                throw ValidationException.of("amount", ErrorCode.MONEY_SCALE_EXCEEDED,
                        amount.toPlainString(), currency.getCurrencyCode(), scale);
            }
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        }
    }

    /** The amount {@code amount} (plain decimal text, for example {@code "1280.50"}) in {@code currencyCode}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(parse(amount), currency(currencyCode));
    }

    /** The amount {@code amount} in {@code currency}; rejects amounts finer than the currency's scale. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Zero in {@code currency}. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The amount of {@code minorUnits} cents, fen, yen... of {@code currency}. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
    }

    /** {@code amount} rounded to the scale of {@code currency} with {@code mode}. */
    public static Money rounded(BigDecimal amount, Currency currency, RoundingMode mode) {
        Checks.required("amount", amount);
        Checks.required("roundingMode", mode);
        return new Money(amount.setScale(scaleOf(currency), mode), currency);
    }

    /**
     * The sum of {@code amounts}, all of which must be in {@code currency}; zero for no amounts.
     *
     * @param currency the currency of the sum (given so an empty collection still has one)
     * @param amounts the amounts to add, in iteration order; none null
     * @return the exact sum in {@code currency}
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null currency, collection
     *     or element, or {@link ErrorCode#CURRENCY_MISMATCH} on field {@code amounts[i]} for the first
     *     amount in another currency
     */
    public static Money sum(Currency currency, Collection<Money> amounts) {
        scaleOf(currency);
        Checks.required("amounts", amounts);
        BigDecimal sum = BigDecimal.ZERO;
        int index = 0;
        for (Money m : amounts) {
            String field = "amounts[" + index + "]";
            Checks.required(field, m);
            if (!currency.equals(m.currency)) {
                throw ValidationException.of(field, ErrorCode.CURRENCY_MISMATCH,
                        currency.getCurrencyCode(), m.currency.getCurrencyCode());
            }
            sum = sum.add(m.amount);
            index++;
        }
        return new Money(sum, currency);
    }

    /**
     * The amount of {@code minorUnits} cents, fen, yen... of {@code currency}, for sums too large for
     * a {@code long}.
     */
    public static Money ofMinor(BigInteger minorUnits, Currency currency) {
        Checks.required("minorUnits", minorUnits);
        return new Money(new BigDecimal(minorUnits, scaleOf(currency)), currency);
    }

    /**
     * The number of decimal places of {@code currency}.
     *
     * @throws ValidationException if the currency is null or has no fixed minor unit
     */
    public static int scaleOf(Currency currency) {
        Checks.required("currency", currency);
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw ValidationException.of("currency", ErrorCode.CURRENCY_UNSUPPORTED, currency.getCurrencyCode());
        }
        return digits;
    }

    /** The currency's scale (decimal places). */
    @JsonIgnore
    public int scale() {
        return amount.scale();
    }

    /** The amount in minor units (cents, fen, yen...). */
    @JsonIgnore
    public BigInteger minorUnits() {
        return amount.unscaledValue();
    }

    /** This plus {@code other}; the currencies must match. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** This minus {@code other}; the currencies must match. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Minus this. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** This times {@code factor}, rounded to the currency's scale with {@code mode}. */
    public Money times(BigDecimal factor, RoundingMode mode) {
        Checks.required("factor", factor);
        return rounded(amount.multiply(factor), currency, mode);
    }

    /** Whether the amount is zero. */
    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the amount is below zero. */
    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Whether the amount is above zero. */
    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** The larger of this and {@code other} (same currency). */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The smaller of this and {@code other} (same currency). */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Whether this is greater than {@code other} (same currency). */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** Whether this is less than {@code other} (same currency). */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * Orders amounts of the same currency.
     *
     * @throws ValidationException with {@link ErrorCode#CURRENCY_MISMATCH} for different currencies
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /**
     * Requires {@code other} to be in this currency.
     *
     * @throws ValidationException with {@link ErrorCode#CURRENCY_MISMATCH} otherwise
     */
    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw ValidationException.of("currency", ErrorCode.CURRENCY_MISMATCH,
                    currency.getCurrencyCode(), other.currency.getCurrencyCode());
        }
    }

    /** For example {@code CNY 1280.50}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private static BigDecimal parse(String amount) {
        Checks.required("amount", amount);
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of("amount", ErrorCode.FIELD_INVALID, "not a decimal number: " + amount);
        }
    }

    private static Currency currency(String code) {
        Checks.required("currency", code);
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("currency", ErrorCode.FIELD_INVALID, "not an ISO 4217 currency code: " + code);
        }
    }
}
