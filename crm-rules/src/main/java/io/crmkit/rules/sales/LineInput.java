package io.crmkit.rules.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.sales.SalesLine;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A product line as a caller asks for it: which product, how many, and at what price. The library
 * prices it with the core math ({@link io.crmkit.core.money.Pricing}); the caller never supplies a line
 * amount or a total, so no figure computed elsewhere (in a browser, say) can reach a document.
 *
 * <p>The price is given one of three ways: neither a sales price nor a discount (the line sells at the
 * list price), a {@link #atSalesPrice sales price}, or a {@link #atDiscount line discount} (sales price
 * = list price × discount, rounded to the tenant's price scale). Giving both is refused.
 *
 * @param productId the product; it must be in the tenant's catalogue
 * @param quantity how many units; greater than zero, at most the tenant's quantity scale
 * @param listPrice the list price per unit, or {@code null} for the catalogue's list price
 * @param salesPrice the agreed price per unit, or {@code null}
 * @param lineDiscount the line discount, or {@code null}
 * @param note a remark on the line, or {@code null}; at most {@value SalesLine#MAX_NOTE} characters
 */
public record LineInput(
        ProductId productId,
        BigDecimal quantity,
        UnitPrice listPrice,
        UnitPrice salesPrice,
        Discount lineDiscount,
        @Size(max = SalesLine.MAX_NOTE) String note) {

    /**
     * Checks the parts that need no catalogue.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing product or
     *     quantity, {@link ErrorCode#FIELD_NOT_POSITIVE} for a quantity of zero or less, and
     *     {@link ErrorCode#FIELD_INVALID} on {@code lineDiscount} when a sales price is given too
     */
    public LineInput {
        Checks.required("productId", productId);
        Checks.positive("quantity", quantity);
        if (salesPrice != null && lineDiscount != null) {
            throw ValidationException.of("lineDiscount", ErrorCode.FIELD_INVALID,
                    "give a sales price or a line discount, not both");
        }
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** {@code quantity} units of {@code product} at its catalogue list price. */
    public static LineInput of(ProductId product, BigDecimal quantity) {
        return new LineInput(product, quantity, null, null, null, null);
    }

    /** {@code quantity} (a decimal string such as {@code "2"} or {@code "1.5"}) units of {@code product} at its list price. */
    public static LineInput of(ProductId product, String quantity) {
        return of(product, new BigDecimal(Checks.required("quantity", quantity)));
    }

    /** This line with {@code listPrice} instead of the catalogue's. */
    public LineInput withListPrice(UnitPrice listPrice) {
        return new LineInput(productId, quantity, Checks.required("listPrice", listPrice), salesPrice, lineDiscount, note);
    }

    /** This line sold at {@code salesPrice} per unit (any line discount is dropped). */
    public LineInput atSalesPrice(UnitPrice salesPrice) {
        return new LineInput(productId, quantity, listPrice, Checks.required("salesPrice", salesPrice), null, note);
    }

    /** This line sold at {@code discount} off the list price (any sales price is dropped). */
    public LineInput atDiscount(Discount discount) {
        return new LineInput(productId, quantity, listPrice, null, Checks.required("lineDiscount", discount), note);
    }

    /** This line with {@code note}. */
    public LineInput withNote(String note) {
        return new LineInput(productId, quantity, listPrice, salesPrice, lineDiscount, note);
    }
}
