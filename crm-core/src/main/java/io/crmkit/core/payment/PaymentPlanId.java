package io.crmkit.core.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordId;

/**
 * The id of a payment plan (回款计划).
 *
 * @param value the id's text
 */
public record PaymentPlanId(String value) implements RecordId {
    /** @throws io.crmkit.core.error.ValidationException if the id is blank or malformed */
    public PaymentPlanId {
        Checks.id("paymentPlanId", value);
    }

    /** The id {@code value}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PaymentPlanId of(String value) {
        return new PaymentPlanId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
