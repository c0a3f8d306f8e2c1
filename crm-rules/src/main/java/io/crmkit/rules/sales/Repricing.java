package io.crmkit.rules.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.UnitPrice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a conversion (quote → order, quote → contract, contract → order, opportunity → quote) changes
 * while it copies the lines: new sales prices or line discounts for some lines, by line number, and
 * optionally a new whole-order discount. Lines not named keep their prices; quantities and list
 * prices are copied unchanged. {@link #none()} copies everything as it is.
 *
 * @param salesPrices new sales prices per unit, by line number
 * @param lineDiscounts new line discounts (sales price = list price × discount), by line number; a line
 *     is named in at most one of the two maps
 * @param wholeOrderDiscount the new whole-order discount, or {@code null} to keep the source's
 */
public record Repricing(
        Map<Integer, UnitPrice> salesPrices,
        Map<Integer, Discount> lineDiscounts,
        Discount wholeOrderDiscount) {

    private static final Repricing NONE = new Repricing(Map.of(), Map.of(), null);

    /**
     * Checks that no line is named twice.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} when a line has both a new sales
     *     price and a new discount
     */
    public Repricing {
        salesPrices = Checks.map("salesPrices", salesPrices);
        lineDiscounts = Checks.map("lineDiscounts", lineDiscounts);
        for (Integer lineNo : salesPrices.keySet()) {
            if (lineDiscounts.containsKey(lineNo)) {
                throw ValidationException.of("lineDiscounts", ErrorCode.FIELD_INVALID,
                        "line " + lineNo + " has both a new sales price and a new discount; give one");
            }
        }
    }

    /** Copy every price and the whole-order discount as they are. */
    public static Repricing none() {
        return NONE;
    }

    /** This repricing with line {@code lineNo} sold at {@code salesPrice}. */
    public Repricing salesPrice(int lineNo, UnitPrice salesPrice) {
        Map<Integer, UnitPrice> prices = new LinkedHashMap<>(salesPrices);
        prices.put(lineNo, Checks.required("salesPrice", salesPrice));
        Map<Integer, Discount> discounts = new LinkedHashMap<>(lineDiscounts);
        discounts.remove(lineNo);
        return new Repricing(prices, discounts, wholeOrderDiscount);
    }

    /** This repricing with line {@code lineNo} sold at {@code discount} off its list price. */
    public Repricing lineDiscount(int lineNo, Discount discount) {
        Map<Integer, Discount> discounts = new LinkedHashMap<>(lineDiscounts);
        discounts.put(lineNo, Checks.required("discount", discount));
        Map<Integer, UnitPrice> prices = new LinkedHashMap<>(salesPrices);
        prices.remove(lineNo);
        return new Repricing(prices, discounts, wholeOrderDiscount);
    }

    /** This repricing with {@code discount} as the new whole-order discount. */
    public Repricing wholeOrderDiscount(Discount discount) {
        return new Repricing(salesPrices, lineDiscounts, Checks.required("discount", discount));
    }

    /** The whole-order discount to use: the new one, or {@code source}'s. */
    public Discount wholeOrderDiscountOr(Discount source) {
        return Optional.ofNullable(wholeOrderDiscount).orElse(source);
    }
}
