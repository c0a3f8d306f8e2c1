package io.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import jakarta.validation.Valid;
import java.math.BigDecimal;

/**
 * A line of a {@link SalesOrder}: the sales line, its share of the order total once the whole-order
 * discount is pushed down to lines, and how much of it has been delivered.
 *
 * @param line the product line
 * @param allocatedTotal the line's share of the order total after the whole-order discount, from
 *     zero up to the line amount, in the line's currency; the order checks that the shares add up
 *     to its total exactly
 * @param deliveredQuantity how many units were delivered, from zero up to the ordered quantity, or
 *     {@code null} when delivery is not tracked per line
 */
public record OrderLine(@Valid SalesLine line, Money allocatedTotal, BigDecimal deliveredQuantity) {

    /**
     * Checks the line's share and delivered quantity.
     *
     * @throws ValidationException with {@link ErrorCode#CURRENCY_MISMATCH} for a share in another
     *     currency, {@link ErrorCode#FIELD_OUT_OF_RANGE} for a share outside [0, line amount] or a
     *     delivered quantity outside [0, ordered quantity]
     */
    public OrderLine {
        Checks.required("line", line);
        Checks.required("allocatedTotal", allocatedTotal);
        SalesLines.requireCurrency("allocatedTotal", allocatedTotal, line.currency());
        if (allocatedTotal.isNegative() || allocatedTotal.isGreaterThan(line.amount())) {
            throw ValidationException.of("allocatedTotal", ErrorCode.FIELD_OUT_OF_RANGE,
                    Money.zero(line.currency()), line.amount(), allocatedTotal);
        }
        if (deliveredQuantity != null
                && (deliveredQuantity.signum() < 0 || deliveredQuantity.compareTo(line.price().quantity()) > 0)) {
            throw ValidationException.of("deliveredQuantity", ErrorCode.FIELD_OUT_OF_RANGE,
                    0, line.price().quantity().toPlainString(), deliveredQuantity.toPlainString());
        }
    }

    /** The line's number. */
    @JsonIgnore
    public int lineNo() {
        return line.lineNo();
    }

    /** The ordered quantity. */
    @JsonIgnore
    public BigDecimal orderedQuantity() {
        return line.price().quantity();
    }

    /** This line with {@code deliveredQuantity} delivered ({@code null}: not tracked). */
    public OrderLine withDeliveredQuantity(BigDecimal deliveredQuantity) {
        return new OrderLine(line, allocatedTotal, deliveredQuantity);
    }
}
