package io.crmkit.core.payment;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import java.util.Currency;

/** Checks on the amounts of this package, so every record reports them with the same codes. */
final class PaymentAmounts {
    private PaymentAmounts() {}

    /** Requires a non-null amount greater than zero ({@link ErrorCode#FIELD_NOT_POSITIVE}). */
    static Money positive(String field, Money value) {
        Checks.required(field, value);
        if (!value.isPositive()) {
            throw ValidationException.of(field, ErrorCode.FIELD_NOT_POSITIVE, value.toString());
        }
        return value;
    }

    /** Requires a non-null amount of zero or more ({@link ErrorCode#FIELD_NEGATIVE}). */
    static Money nonNegative(String field, Money value) {
        Checks.required(field, value);
        if (value.isNegative()) {
            throw ValidationException.of(field, ErrorCode.FIELD_NEGATIVE, value.toString());
        }
        return value;
    }

    /** Requires {@code value} to be in {@code currency} ({@link ErrorCode#CURRENCY_MISMATCH}). */
    static Money inCurrency(String field, Currency currency, Money value) {
        if (!value.currency().equals(currency)) {
            throw ValidationException.of(field, ErrorCode.CURRENCY_MISMATCH,
                    currency.getCurrencyCode(), value.currency().getCurrencyCode());
        }
        return value;
    }
}
