package io.crmkit.core.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Goods returned on one line of a {@link SalesOrder} (退货). A return reduces what the customer owes.
 *
 * @param lineNo the order line the goods came from
 * @param quantity how many units came back; greater than zero
 * @param amount the money credited for them; zero or more
 * @param reason why they came back, or {@code null}; at most 1000 characters
 * @param at when the return was recorded
 */
public record OrderReturn(
        int lineNo,
        BigDecimal quantity,
        Money amount,
        @Size(max = OrderReturn.MAX_REASON) String reason,
        Instant at) {

    /** Longest return reason. */
    public static final int MAX_REASON = 1000;

    /**
     * Checks the parts.
     *
     * @throws io.crmkit.core.error.ValidationException with {@link ErrorCode#FIELD_OUT_OF_RANGE} for a
     *     line number below 1, {@link ErrorCode#FIELD_NOT_POSITIVE} for a quantity of zero or less,
     *     {@link ErrorCode#FIELD_NEGATIVE} for a negative amount, {@link ErrorCode#FIELD_REQUIRED} for
     *     missing parts
     */
    public OrderReturn {
        Checks.range("lineNo", lineNo, 1, Integer.MAX_VALUE);
        Checks.positive("quantity", quantity);
        Checks.required("amount", amount);
        Checks.nonNegative("amount", amount.amount());
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        Checks.required("at", at);
    }
}
