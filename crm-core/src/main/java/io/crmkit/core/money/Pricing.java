package io.crmkit.core.money;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The quote math shared by opportunity product lines, quotes, orders and contracts.
 *
 * <ul>
 *   <li>Setting a line discount sets the sales price to list price × discount, rounded to the
 *       tenant's price scale ({@link #salesPriceAt}).</li>
 *   <li>A line amount is sales price × quantity, rounded to the currency's scale ({@link #priceLine}).
 *       Unit prices themselves are never rounded to the currency.</li>
 *   <li>Subtotal is the sum of line amounts; total is subtotal × whole-order discount, rounded once
 *       ({@link #price}). {@link PriceBreakdown#pushDown()} spreads that total over the lines so the
 *       per-line totals add up to it exactly.</li>
 * </ul>
 * Every rounding uses the {@link PricingPolicy#roundingMode() policy's rounding mode}.
 */
public final class Pricing {
    private static final String DECIMAL_PLACES_KEY = "field.out-of-range.decimal-places";

    private Pricing() {}

    /**
     * The sales price for {@code listPrice} at {@code discount}: list price × multiplier, rounded to
     * {@link PricingPolicy#priceScale()} with the policy's rounding mode. At {@link Discount#FREE} the
     * result is exactly zero; at {@link Discount#NONE} it is the list price (rounded to the price
     * scale if the list price is finer).
     *
     * @param listPrice the catalogue price per unit
     * @param discount the line discount
     * @param policy the tenant's pricing settings
     * @return the discounted price per unit, in the list price's currency
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null argument
     */
    public static UnitPrice salesPriceAt(UnitPrice listPrice, Discount discount, PricingPolicy policy) {
        Checks.required("listPrice", listPrice);
        Checks.required("discount", discount);
        Checks.required("policy", policy);
        BigDecimal price = discount.applyTo(listPrice.amount()).setScale(policy.priceScale(), policy.roundingMode());
        return new UnitPrice(price, listPrice.currency());
    }

    /**
     * Prices one line: the amount is {@code salesPrice × quantity} rounded to the currency's scale with
     * the policy's rounding mode.
     *
     * @param quantity how many units; greater than zero, at most {@link PricingPolicy#quantityScale()}
     *     decimal places (trailing zeros do not count)
     * @param listPrice the catalogue price per unit
     * @param salesPrice the agreed price per unit, in the list price's currency, at most
     *     {@link PricingPolicy#priceScale()} decimal places
     * @param policy the tenant's pricing settings
     * @return the priced line
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null argument,
     *     {@link ErrorCode#FIELD_NOT_POSITIVE} on {@code quantity} for a zero or negative quantity,
     *     {@link ErrorCode#FIELD_OUT_OF_RANGE} on {@code quantity} or {@code salesPrice} for too many
     *     decimal places, or {@link ErrorCode#CURRENCY_MISMATCH} on {@code salesPrice} when the two prices
     *     are in different currencies
     */
    public static PricedLine priceLine(BigDecimal quantity, UnitPrice listPrice, UnitPrice salesPrice,
            PricingPolicy policy) {
        Checks.positive("quantity", quantity);
        Checks.required("listPrice", listPrice);
        Checks.required("salesPrice", salesPrice);
        Checks.required("policy", policy);
        requireScale("quantity", quantity, policy.quantityScale());
        requireScale("salesPrice", salesPrice.amount(), policy.priceScale());
        if (!listPrice.currency().equals(salesPrice.currency())) {
            throw ValidationException.of("salesPrice", ErrorCode.CURRENCY_MISMATCH,
                    listPrice.currency().getCurrencyCode(), salesPrice.currency().getCurrencyCode());
        }
        Money amount = Money.rounded(salesPrice.amount().multiply(quantity), salesPrice.currency(),
                policy.roundingMode());
        return new PricedLine(quantity, listPrice, salesPrice, amount);
    }

    /**
     * Prices one line at a line discount: the sales price is {@link #salesPriceAt} the list price and
     * discount, then the line is {@link #priceLine priced}.
     *
     * @param quantity how many units; greater than zero, at most the policy's quantity scale
     * @param listPrice the catalogue price per unit
     * @param lineDiscount the discount on this line
     * @param policy the tenant's pricing settings
     * @return the priced line
     * @throws ValidationException as {@link #salesPriceAt} and {@link #priceLine} do
     */
    public static PricedLine priceLineAtDiscount(BigDecimal quantity, UnitPrice listPrice, Discount lineDiscount,
            PricingPolicy policy) {
        return priceLine(quantity, listPrice, salesPriceAt(listPrice, lineDiscount, policy), policy);
    }

    /**
     * Prices a whole quote or order: subtotal = Σ line amounts; total = subtotal × whole-order
     * discount, rounded once to the currency's scale with the policy's rounding mode. No lines gives
     * zero subtotal and total.
     *
     * @param currency the currency of the quote; every line must be in it
     * @param lines the priced lines, in order; none null
     * @param wholeOrderDiscount the discount on the whole order ({@link Discount#NONE} for none)
     * @param policy the tenant's pricing settings
     * @return the breakdown of subtotal, discount and total
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null argument or line,
     *     {@link ErrorCode#CURRENCY_UNSUPPORTED} for a currency without minor unit, or
     *     {@link ErrorCode#CURRENCY_MISMATCH} on field {@code lines[i]} for the first line in another
     *     currency
     */
    public static PriceBreakdown price(Currency currency, List<PricedLine> lines, Discount wholeOrderDiscount,
            PricingPolicy policy) {
        Money.scaleOf(currency);
        Checks.required("lines", lines);
        Checks.required("wholeOrderDiscount", wholeOrderDiscount);
        Checks.required("policy", policy);
        List<Money> amounts = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            PricedLine line = Checks.required(field, lines.get(i));
            if (!currency.equals(line.currency())) {
                throw ValidationException.of(field, ErrorCode.CURRENCY_MISMATCH,
                        currency.getCurrencyCode(), line.currency().getCurrencyCode());
            }
            amounts.add(line.amount());
        }
        Money subtotal = Money.sum(currency, amounts);
        Money total = Money.rounded(wholeOrderDiscount.applyTo(subtotal.amount()), currency, policy.roundingMode());
        return new PriceBreakdown(currency, lines, subtotal, wholeOrderDiscount, total);
    }

    private static void requireScale(String field, BigDecimal value, int maxScale) {
        int scale = value.stripTrailingZeros().scale();
        if (scale > maxScale) {
            // The generic out-of-range message speaks of values, not decimal places; this key says what is wrong.
            throw new ValidationException(List.of(new Violation(field, ErrorCode.FIELD_OUT_OF_RANGE,
                    DECIMAL_PLACES_KEY, List.of(field, scale, maxScale))));
        }
    }
}
