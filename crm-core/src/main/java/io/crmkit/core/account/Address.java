package io.crmkit.core.account;

import io.crmkit.core.internal.Checks;
import jakarta.validation.constraints.Size;

/**
 * A postal address of an account. Parts follow the Chinese administrative order (country,
 * province, city, district, street) and work for other countries too; every part but the kind is
 * optional. Present texts are stripped and blank ones become {@code null}; lengths are content rules,
 * checked by {@link io.crmkit.core.validation.CrmValidation}.
 *
 * @param kind what the address is used for
 * @param country the country (name or ISO code), at most 64 characters, or null
 * @param province the province or state (省), at most 64 characters, or null
 * @param city the city (市), at most 64 characters, or null
 * @param district the district (区/县), at most 64 characters, or null
 * @param street street and number, building, room, at most 300 characters, or null
 * @param postalCode the postal code, at most 20 characters, or null
 * @param primary whether this is the account's main address; an account has at most one
 */
public record Address(
        AddressKind kind,
        @Size(max = 64) String country,
        @Size(max = 64) String province,
        @Size(max = 64) String city,
        @Size(max = 64) String district,
        @Size(max = 300) String street,
        @Size(max = 20) String postalCode,
        boolean primary) {

    /**
     * Requires the kind and strips present texts.
     *
     * @throws io.crmkit.core.error.ValidationException if the kind is null
     */
    public Address {
        Checks.required("kind", kind);
        country = strip(country);
        province = strip(province);
        city = strip(city);
        district = strip(district);
        street = strip(street);
        postalCode = strip(postalCode);
    }

    /** A builder for an address of {@code kind}, not primary, with every part empty. */
    public static Builder builder(AddressKind kind) {
        return new Builder().kind(kind);
    }

    /** A builder holding this address's parts, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder().kind(kind).country(country).province(province).city(city).district(district)
                .street(street).postalCode(postalCode).primary(primary);
    }

    /** This address marked primary or not. */
    public Address withPrimary(boolean primary) {
        return toBuilder().primary(primary).build();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Builds an {@link Address}; setters are named like the components. */
    public static final class Builder {
        private AddressKind kind;
        private String country;
        private String province;
        private String city;
        private String district;
        private String street;
        private String postalCode;
        private boolean primary;

        private Builder() {}

        /** Sets {@link Address#kind()}. */
        public Builder kind(AddressKind kind) {
            this.kind = kind;
            return this;
        }

        /** Sets {@link Address#country()}. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** Sets {@link Address#province()}. */
        public Builder province(String province) {
            this.province = province;
            return this;
        }

        /** Sets {@link Address#city()}. */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /** Sets {@link Address#district()}. */
        public Builder district(String district) {
            this.district = district;
            return this;
        }

        /** Sets {@link Address#street()}. */
        public Builder street(String street) {
            this.street = street;
            return this;
        }

        /** Sets {@link Address#postalCode()}. */
        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        /** Sets {@link Address#primary()}. */
        public Builder primary(boolean primary) {
            this.primary = primary;
            return this;
        }

        /**
         * The address.
         *
         * @throws io.crmkit.core.error.ValidationException if the kind is missing
         */
        public Address build() {
            return new Address(kind, country, province, city, district, street, postalCode, primary);
        }
    }
}
