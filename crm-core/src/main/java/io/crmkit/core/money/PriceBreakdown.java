package io.crmkit.core.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The priced lines of a quote or order with their subtotal, whole-order discount and total.
 * Build one with {@link Pricing#price}.
 *
 * <p>A breakdown is always consistent: the constructor rejects lines in another currency, a
 * subtotal that is not the sum of the line amounts, and a total more than half a minor unit away
 * from subtotal × discount (that is, one not rounded once with a half-way rounding mode).
 *
 * @param currency the currency of every line and figure
 * @param lines the priced lines, in order (null means none)
 * @param subtotal the sum of the line amounts
 * @param wholeOrderDiscount the discount on the whole order
 * @param total subtotal × whole-order discount, rounded once to the currency's scale
 */
public record PriceBreakdown(Currency currency, List<PricedLine> lines, Money subtotal, Discount wholeOrderDiscount,
        Money total) {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Checks that lines, subtotal and total agree. */
    public PriceBreakdown {
        Money.scaleOf(currency);
        lines = Checks.list("lines", lines);
        Checks.required("subtotal", subtotal);
        Checks.required("wholeOrderDiscount", wholeOrderDiscount);
        Checks.required("total", total);
        List<Money> amounts = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Money amount = lines.get(i).amount();
            if (!currency.equals(amount.currency())) {
                throw ValidationException.of("lines[" + i + "]", ErrorCode.CURRENCY_MISMATCH,
                        currency.getCurrencyCode(), amount.currency().getCurrencyCode());
            }
            amounts.add(amount);
        }
        requireCurrency("subtotal", currency, subtotal);
        requireCurrency("total", currency, total);
        Money sum = Money.sum(currency, amounts);
        if (!sum.equals(subtotal)) {
            throw ValidationException.of("subtotal", ErrorCode.FIELD_INVALID,
                    "subtotal " + subtotal + " is not the sum of the line amounts, " + sum);
        }
        BigDecimal exact = wholeOrderDiscount.applyTo(subtotal.amount());
        BigDecimal halfMinorUnit = HALF.movePointLeft(total.scale());
        if (exact.subtract(total.amount()).abs().compareTo(halfMinorUnit) > 0) {
            throw ValidationException.of("total", ErrorCode.FIELD_INVALID,
                    "total " + total + " is not subtotal × discount = " + exact.toPlainString());
        }
    }

    /** How much the whole-order discount takes off: subtotal − total (zero or more). */
    @JsonIgnore
    public Money discountAmount() {
        return subtotal.minus(total);
    }

    /**
     * The whole-order discount pushed down to the lines: {@link #total()} allocated in proportion to
     * the line amounts by {@link Allocation#largestRemainder largest remainder}.
     *
     * <p>The returned per-line totals add up to {@link #total()} exactly, and each is within one minor
     * unit of its exact share {@code total × line amount ÷ subtotal}. Rounding each line's discounted
     * amount on its own would not add up (three lines of CNY 10.01 at 5折 give 5.01 each, 15.03, while
     * the total is 15.02). When every line amount is zero (and so the total), every part is zero.
     *
     * @return one amount per line, in line order; empty when there are no lines
     */
    @JsonIgnore
    public List<Money> pushDown() {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<BigDecimal> weights = new ArrayList<>(lines.size());
        for (PricedLine line : lines) {
            weights.add(line.amount().amount());
        }
        return Allocation.largestRemainder(total, weights);
    }

    private static void requireCurrency(String field, Currency currency, Money money) {
        if (!currency.equals(money.currency())) {
            throw ValidationException.of(field, ErrorCode.CURRENCY_MISMATCH,
                    currency.getCurrencyCode(), money.currency().getCurrencyCode());
        }
    }
}
