package io.crmkit.core.money;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * A price per unit of a product. Unlike {@link Money}, a unit price is <em>not</em> held at the
 * currency's scale: it keeps the tenant's price scale (4 decimal places by default), and only line
 * amounts and totals are rounded to the currency. Never negative. Trailing zeros are stripped, so
 * {@code 12.50} and {@code 12.5} are equal.
 *
 * @param amount the price per unit, zero or more, at most 10 decimal places
 * @param currency the currency; must have a fixed minor unit
 */
public record UnitPrice(BigDecimal amount, Currency currency) {
    /** Most decimal places a unit price may have. */
    public static final int MAX_SCALE = 10;

    /** Rejects negative or over-precise prices and normalises the scale. */
    public UnitPrice {
        Checks.nonNegative("price", amount);
        Money.scaleOf(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            throw ValidationException.of("price", ErrorCode.FIELD_OUT_OF_RANGE,
                    0, MAX_SCALE, stripped.scale() + " decimal places");
        }
        amount = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The price {@code amount} (decimal text) in {@code currencyCode}. */
    public static UnitPrice of(String amount, String currencyCode) {
        Checks.required("price", amount);
        Checks.required("currency", currencyCode);
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("currency", ErrorCode.FIELD_INVALID,
                    "not an ISO 4217 currency code: " + currencyCode);
        }
        try {
            return new UnitPrice(new BigDecimal(amount.strip()), currency);
        } catch (NumberFormatException e) {
            throw ValidationException.of("price", ErrorCode.FIELD_INVALID,
                    "not a decimal number: " + amount);
        }
    }

    /** The price {@code amount} in {@code currency}. */
    public static UnitPrice of(BigDecimal amount, Currency currency) {
        return new UnitPrice(amount, currency);
    }

    /** For example {@code CNY 12.3456/unit}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString() + "/unit";
    }
}
