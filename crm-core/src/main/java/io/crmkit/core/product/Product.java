package io.crmkit.core.product;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Owned;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A product (产品): what is sold, with its catalogue price.
 *
 * <p>Products never sit in a pool, so the owner is always set. Field contents (name present and at
 * most 200 characters, a list price, lengths) are Jakarta constraints checked by
 * {@link io.crmkit.core.validation.CrmValidation}. Present texts are stripped and blank ones become
 * {@code null}.
 *
 * @param id the product's id
 * @param tenantId the owning tenant
 * @param name the product name, required, at most 200 characters
 * @param shelfStatus whether the product is on sale
 * @param category the tenant-configured category code, at most 64 characters, or null
 * @param unit the unit it is sold in (for example {@code pcs}, {@code 套}), at most 32 characters, or null
 * @param listPrice the catalogue price per unit (kept at the tenant's price scale, not the currency's);
 *     required by validation
 * @param owner the user responsible for the product; never null
 * @param customFields the tenant's custom fields; never null
 * @param version the version the product was read at; 0 before it is first stored
 * @param createdAt when the product was created
 * @param updatedAt when the product was last changed
 */
public record Product(
        ProductId id,
        TenantId tenantId,
        @NotBlank @Size(max = 200) String name,
        ShelfStatus shelfStatus,
        @Size(max = 64) String category,
        @Size(max = 32) String unit,
        @NotNull UnitPrice listPrice,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<ProductId>, Owned {

    /**
     * Checks ids, status, owner and timestamps.
     *
     * @throws io.crmkit.core.error.ValidationException naming the field if one is missing or the
     *     version is negative
     */
    public Product {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("shelfStatus", shelfStatus);
        Checks.required("owner", owner);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        name = strip(name);
        category = strip(category);
        unit = strip(unit);
        customFields = customFields == null ? CustomFields.none() : customFields;
    }

    /** A builder with the defaults: version 0, {@link ShelfStatus#ON_SHELF}, no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this product, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).name(name).shelfStatus(shelfStatus).category(category).unit(unit)
                .listPrice(listPrice).owner(owner).customFields(customFields)
                .version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** Whether the product is on sale, so new quotes and orders may use it. */
    @JsonIgnore
    public boolean isOnShelf() {
        return shelfStatus == ShelfStatus.ON_SHELF;
    }

    /**
     * This product with {@code status} (上架 / 下架).
     *
     * @throws io.crmkit.core.error.ValidationException if {@code status} is null
     */
    public Product withShelfStatus(ShelfStatus status) {
        return toBuilder().shelfStatus(status).build();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Builds a {@link Product}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private ProductId id;
        private TenantId tenantId;
        private String name;
        private ShelfStatus shelfStatus = ShelfStatus.ON_SHELF;
        private String category;
        private String unit;
        private UnitPrice listPrice;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link Product#id()}. */
        public Builder id(ProductId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link Product#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link Product#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link Product#shelfStatus()}. */
        public Builder shelfStatus(ShelfStatus shelfStatus) {
            this.shelfStatus = shelfStatus;
            return this;
        }

        /** Sets {@link Product#category()}. */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /** Sets {@link Product#unit()}. */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** Sets {@link Product#listPrice()}. */
        public Builder listPrice(UnitPrice listPrice) {
            this.listPrice = listPrice;
            return this;
        }

        /** Sets {@link Product#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link Product#customFields()}. */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets {@link Product#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link Product#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link Product#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The product.
         *
         * @throws io.crmkit.core.error.ValidationException if a structural check of {@link Product} fails
         */
        public Product build() {
            return new Product(id, tenantId, name, shelfStatus, category, unit, listPrice, owner, customFields,
                    version, createdAt, updatedAt);
        }
    }
}
