package io.crmkit.core.sales;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import java.time.LocalDate;

/**
 * An invoice issued against a {@link SalesOrder} (开票). The order keeps the invoices' total within
 * what the customer owes.
 *
 * @param number the invoice number, 1 to 64 characters (stripped), unique within the order
 * @param amount the invoiced amount; greater than zero
 * @param issuedOn the day it was issued
 */
public record Invoice(String number, Money amount, LocalDate issuedOn) {
    /** Longest invoice number. */
    public static final int MAX_NUMBER = 64;

    /**
     * Checks the parts.
     *
     * @throws io.crmkit.core.error.ValidationException with
     *     {@link io.crmkit.core.error.ErrorCode#FIELD_NOT_POSITIVE} for an amount of zero or less, or
     *     for missing or overlong parts
     */
    public Invoice {
        number = Checks.text("number", number, MAX_NUMBER);
        Checks.required("amount", amount);
        Checks.positive("amount", amount.amount());
        Checks.required("issuedOn", issuedOn);
    }
}
