package io.crmkit.core.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The priced part of a line of an opportunity, quote, order or contract: quantity, list price,
 * sales price and the line amount (sales price × quantity rounded to the currency's scale).
 *
 * <p>Whoever builds one must have rounded the amount with a half-way rounding mode: the constructor
 * rejects an amount more than half a minor unit away from sales price × quantity, and prices and
 * amount in different currencies. Build lines with the pricing functions of this package rather than
 * by hand.
 *
 * @param quantity how many units; greater than zero
 * @param listPrice the catalogue price per unit
 * @param salesPrice the agreed price per unit (may differ from list price, above or below)
 * @param amount the line amount in the prices' currency
 */
public record PricedLine(BigDecimal quantity, UnitPrice listPrice, UnitPrice salesPrice, Money amount) {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Checks the quantity, that everything is in one currency, and that the amount is the rounded product. */
    public PricedLine {
        Checks.positive("quantity", quantity);
        Checks.required("listPrice", listPrice);
        Checks.required("salesPrice", salesPrice);
        Checks.required("amount", amount);
        if (!listPrice.currency().equals(salesPrice.currency())) {
            throw ValidationException.of("salesPrice", ErrorCode.CURRENCY_MISMATCH,
                    listPrice.currency().getCurrencyCode(), salesPrice.currency().getCurrencyCode());
        }
        if (!amount.currency().equals(salesPrice.currency())) {
            throw ValidationException.of("amount", ErrorCode.CURRENCY_MISMATCH,
                    salesPrice.currency().getCurrencyCode(), amount.currency().getCurrencyCode());
        }
        BigDecimal exact = salesPrice.amount().multiply(quantity);
        BigDecimal halfMinorUnit = HALF.movePointLeft(amount.scale());
        if (exact.subtract(amount.amount()).abs().compareTo(halfMinorUnit) > 0) {
            throw ValidationException.of("amount", ErrorCode.FIELD_INVALID,
                    "line amount " + amount + " is not sales price × quantity = " + exact.toPlainString());
        }
    }

    /**
     * The line discount, sales price ÷ list price, to {@code scale} decimal places half-up; empty when
     * the list price is zero. Above 1 when the line sells above list price, so it is a plain ratio and
     * not a {@link Discount}.
     */
    public Optional<BigDecimal> discountRatio(int scale) {
        if (listPrice.amount().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(salesPrice.amount().divide(listPrice.amount(), MathContext.DECIMAL128)
                .setScale(scale, RoundingMode.HALF_UP));
    }

    /** The currency of the line. */
    @JsonIgnore
    public java.util.Currency currency() {
        return amount.currency();
    }
}
