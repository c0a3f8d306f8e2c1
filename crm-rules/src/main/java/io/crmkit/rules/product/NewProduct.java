package io.crmkit.rules.product;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.CustomFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What {@link ProductCatalogue#create} needs to add a product to the catalogue. Texts are stripped
 * and blank ones become {@code null}; the Jakarta constraints are checked, every violation at once,
 * when the command runs.
 *
 * @param name the product name, 1 to {@value #MAX_NAME} characters
 * @param category the tenant-configured category code, at most {@value #MAX_CATEGORY} characters, or null
 * @param unit the unit it is sold in (for example {@code pcs}, {@code 套}), at most {@value #MAX_UNIT}
 *     characters, or null
 * @param listPrice the catalogue price per unit; required; its currency must have a fixed minor unit
 *     and it may have at most the tenant's price scale of decimal places
 * @param shelfStatus whether it goes on sale at once; null means {@link ShelfStatus#ON_SHELF}
 * @param owner who is responsible for it; null means the actor
 * @param custom the tenant's custom fields; null means none
 */
public record NewProduct(
        @NotBlank @Size(max = NewProduct.MAX_NAME) String name,
        @Size(max = NewProduct.MAX_CATEGORY) String category,
        @Size(max = NewProduct.MAX_UNIT) String unit,
        @NotNull UnitPrice listPrice,
        ShelfStatus shelfStatus,
        UserId owner,
        CustomFields custom) {

    /** Longest product name (as {@link io.crmkit.core.product.Product} allows). */
    public static final int MAX_NAME = 200;
    /** Longest category code. */
    public static final int MAX_CATEGORY = 64;
    /** Longest unit. */
    public static final int MAX_UNIT = 32;

    /** Strips the texts and fills the defaults (on shelf, no custom fields). */
    public NewProduct {
        name = strip(name);
        category = strip(category);
        unit = strip(unit);
        shelfStatus = shelfStatus == null ? ShelfStatus.ON_SHELF : shelfStatus;
        custom = custom == null ? CustomFields.none() : custom;
    }

    /** An on-shelf product called {@code name} at {@code listPrice}, owned by the actor, without category or unit. */
    public static NewProduct of(String name, UnitPrice listPrice) {
        return new NewProduct(name, null, null, listPrice, null, null, null);
    }

    /** This product in {@code category}. */
    public NewProduct withCategory(String category) {
        return new NewProduct(name, category, unit, listPrice, shelfStatus, owner, custom);
    }

    /** This product sold in {@code unit}. */
    public NewProduct withUnit(String unit) {
        return new NewProduct(name, category, unit, listPrice, shelfStatus, owner, custom);
    }

    /** This product starting with {@code shelfStatus}. */
    public NewProduct withShelfStatus(ShelfStatus shelfStatus) {
        return new NewProduct(name, category, unit, listPrice, shelfStatus, owner, custom);
    }

    /** This product owned by {@code owner}. */
    public NewProduct withOwner(UserId owner) {
        return new NewProduct(name, category, unit, listPrice, shelfStatus, owner, custom);
    }

    /** This product with {@code custom} fields. */
    public NewProduct withCustom(CustomFields custom) {
        return new NewProduct(name, category, unit, listPrice, shelfStatus, owner, custom);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
