package io.crmkit.core.tenant;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.sales.SalesSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/**
 * The configuration a host gives per tenant. Rules read it rather than assuming one company's
 * settings: "N days" means N calendar days in {@link #zone()}, new amounts default to
 * {@link #currency()}, and so on.
 *
 * <p>There is no default time zone or currency: the library never consults the JVM's defaults, so the
 * host must say which. Everything else has defaults ({@link #defaults(ZoneId, Currency)}); the message
 * language defaults to {@link Locale#ENGLISH}, the language of the root message bundle and of
 * {@link io.crmkit.core.error.CrmException#getMessage()}, so a tenant that configures nothing reads
 * the same messages the logs show; a host serving Chinese users sets {@link Locale#SIMPLIFIED_CHINESE}.
 *
 * @param zone the tenant's time zone; calendar days, due dates and "N days" periods are counted in it
 * @param currency the default currency for new amounts; must have a fixed minor unit
 * @param pricing price and quantity scales and the rounding mode
 * @param requiredFields which fields each record type requires
 * @param locale the language of messages shown to the tenant's users
 * @param duplicatePolicy what a likely duplicate lead, account or contact does (block, warn, allow);
 *     null means {@link DuplicatePolicy#defaults()}, so settings stored before the policy existed
 *     still read
 * @param sales the sales processes, automatic close rules and sales limits; null means
 *     {@link SalesSettings#defaults()}, so settings stored before sales settings existed still read
 */
public record TenantSettings(
        ZoneId zone,
        Currency currency,
        PricingPolicy pricing,
        RequiredFields requiredFields,
        Locale locale,
        DuplicatePolicy duplicatePolicy,
        SalesSettings sales) {

    /** The message language when none is configured. */
    public static final Locale DEFAULT_LOCALE = Locale.ENGLISH;

    /**
     * Requires every part and a currency with a fixed minor unit.
     *
     * @throws io.crmkit.core.error.ValidationException naming the missing or unusable part
     */
    public TenantSettings {
        Checks.required("zone", zone);
        Money.scaleOf(currency);
        Checks.required("pricing", pricing);
        Checks.required("requiredFields", requiredFields);
        Checks.required("locale", locale);
        duplicatePolicy = duplicatePolicy == null ? DuplicatePolicy.defaults() : duplicatePolicy;
        sales = sales == null ? SalesSettings.defaults() : sales;
    }

    /**
     * The settings for a tenant in {@code zone} using {@code currency}, with default pricing
     * ({@link PricingPolicy#defaults()}), default required fields ({@link RequiredFields#defaults()}),
     * the default duplicate policy ({@link DuplicatePolicy#defaults()}), the default sales settings
     * ({@link SalesSettings#defaults()}) and English messages.
     *
     * @throws io.crmkit.core.error.ValidationException if either argument is null or the currency has no
     *     fixed minor unit
     */
    public static TenantSettings defaults(ZoneId zone, Currency currency) {
        return builder().zone(zone).currency(currency).build();
    }

    /** A builder with default pricing, required fields, locale, duplicate policy and sales settings; zone and currency must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every part of these settings, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder().zone(zone).currency(currency).pricing(pricing).requiredFields(requiredFields)
                .locale(locale).duplicatePolicy(duplicatePolicy).sales(sales);
    }

    /** The calendar date in the tenant's zone at {@code instant}. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(Checks.required("instant", instant), zone);
    }

    /** The instant the calendar day {@code date} begins in the tenant's zone (not always midnight, for DST gaps). */
    public Instant startOf(LocalDate date) {
        return Checks.required("date", date).atStartOfDay(zone).toInstant();
    }

    /** Builds {@link TenantSettings}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private ZoneId zone;
        private Currency currency;
        private PricingPolicy pricing = PricingPolicy.defaults();
        private RequiredFields requiredFields = RequiredFields.defaults();
        private Locale locale = DEFAULT_LOCALE;
        private DuplicatePolicy duplicatePolicy = DuplicatePolicy.defaults();
        private SalesSettings sales = SalesSettings.defaults();

        private Builder() {}

        /** Sets {@link TenantSettings#zone()}. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** Sets {@link TenantSettings#currency()}. */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /** Sets {@link TenantSettings#pricing()}. */
        public Builder pricing(PricingPolicy pricing) {
            this.pricing = pricing;
            return this;
        }

        /** Sets {@link TenantSettings#requiredFields()}. */
        public Builder requiredFields(RequiredFields requiredFields) {
            this.requiredFields = requiredFields;
            return this;
        }

        /** Sets {@link TenantSettings#locale()}. */
        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /** Sets {@link TenantSettings#duplicatePolicy()}. */
        public Builder duplicatePolicy(DuplicatePolicy duplicatePolicy) {
            this.duplicatePolicy = duplicatePolicy;
            return this;
        }

        /** Sets {@link TenantSettings#sales()}. */
        public Builder sales(SalesSettings sales) {
            this.sales = sales;
            return this;
        }

        /**
         * The settings.
         *
         * @throws io.crmkit.core.error.ValidationException if a part is missing or the currency is unusable
         */
        public TenantSettings build() {
            return new TenantSettings(zone, currency, pricing, requiredFields, locale, duplicatePolicy, sales);
        }
    }
}
