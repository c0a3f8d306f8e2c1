package io.crmkit.rules.product;

import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import jakarta.validation.constraints.Size;

/**
 * The catalogue fields {@link ProductCatalogue#update} changes on a product. For each part,
 * {@code null} leaves the field as it is; a blank category or unit clears it, and a blank name is
 * refused (a product always has a name). The shelf status changes through
 * {@link ProductCatalogue#putOnShelf} and {@link ProductCatalogue#takeOffShelf}, not here.
 *
 * @param name the new name, at most {@value NewProduct#MAX_NAME} characters; null keeps it
 * @param category the new category code, at most {@value NewProduct#MAX_CATEGORY} characters; blank
 *     clears it; null keeps it
 * @param unit the new unit, at most {@value NewProduct#MAX_UNIT} characters; blank clears it; null keeps it
 * @param listPrice the new list price per unit; null keeps it. Existing opportunity, quote and order
 *     lines keep the price they were written with.
 */
public record ProductUpdate(
        @Size(max = NewProduct.MAX_NAME) String name,
        @Size(max = NewProduct.MAX_CATEGORY) String category,
        @Size(max = NewProduct.MAX_UNIT) String unit,
        UnitPrice listPrice) {

    /** Strips present texts, keeping blank ones blank (they mean "clear the field"). */
    public ProductUpdate {
        name = name == null ? null : name.strip();
        category = category == null ? null : category.strip();
        unit = unit == null ? null : unit.strip();
    }

    /** An update that changes nothing yet; add changes with the {@code with...} methods. */
    public static ProductUpdate none() {
        return new ProductUpdate(null, null, null, null);
    }

    /** This update also renaming the product. */
    public ProductUpdate withName(String name) {
        return new ProductUpdate(name, category, unit, listPrice);
    }

    /** This update also setting the category (blank clears it). */
    public ProductUpdate withCategory(String category) {
        return new ProductUpdate(name, category, unit, listPrice);
    }

    /** This update also setting the unit (blank clears it). */
    public ProductUpdate withUnit(String unit) {
        return new ProductUpdate(name, category, unit, listPrice);
    }

    /** This update also setting the list price. */
    public ProductUpdate withListPrice(UnitPrice listPrice) {
        return new ProductUpdate(name, category, unit, listPrice);
    }

    /** {@code product} with these changes applied (version and timestamps untouched). */
    Product applyTo(Product product) {
        return product.toBuilder()
                .name(name == null ? product.name() : name)
                .category(category == null ? product.category() : category)
                .unit(unit == null ? product.unit() : unit)
                .listPrice(listPrice == null ? product.listPrice() : listPrice)
                .build();
    }
}
