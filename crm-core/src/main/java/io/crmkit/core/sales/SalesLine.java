package io.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.product.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Currency;

/**
 * A product line of an opportunity, quote, sales order or contract: which product, at what price and
 * quantity. The same shape serves all four documents, so lines copy between them unchanged.
 *
 * @param lineNo the line's number, 1 or more, unique within its document (the document checks)
 * @param productId the product sold
 * @param productName the product's name when the line was written, kept so the document still reads
 *     right after the product is renamed; 1 to 200 characters
 * @param price quantity, list price, sales price and line amount
 * @param note a remark on the line, or {@code null}; at most 1000 characters
 */
public record SalesLine(
        int lineNo,
        ProductId productId,
        @NotBlank @Size(max = SalesLine.MAX_PRODUCT_NAME) String productName,
        @Valid PricedLine price,
        @Size(max = SalesLine.MAX_NOTE) String note) {

    /** Longest product name snapshot. */
    public static final int MAX_PRODUCT_NAME = 200;

    /** Longest line note. */
    public static final int MAX_NOTE = 1000;

    /**
     * Checks the structure of the line.
     *
     * @throws io.crmkit.core.error.ValidationException when the line number is below 1, or the
     *     product or price is missing
     */
    public SalesLine {
        Checks.range("lineNo", lineNo, 1, Integer.MAX_VALUE);
        Checks.required("productId", productId);
        Checks.required("price", price);
        productName = productName == null ? null : productName.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** The line amount (sales price × quantity, at the currency's scale). */
    @JsonIgnore
    public Money amount() {
        return price.amount();
    }

    /** The currency of the line. */
    @JsonIgnore
    public Currency currency() {
        return price.amount().currency();
    }
}
