package io.crmkit.rules;

import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.tenant.TenantSettings;
import java.util.Map;

/**
 * Where the library gets each tenant's settings (time zone, currency, pricing, required fields,
 * duplicate policy, ...). The host implements it over its own tenant configuration, or uses
 * {@link #of(Map)} / {@link #fixed(TenantSettings)}. Called on every command, so it should be fast.
 */
@FunctionalInterface
public interface TenantSettingsSource {

    /**
     * The settings of {@code tenant}.
     *
     * @throws NotFoundException if the tenant is unknown
     */
    TenantSettings settingsOf(TenantId tenant);

    /** The same settings for every tenant (typical for a single-tenant host and for tests). */
    static TenantSettingsSource fixed(TenantSettings settings) {
        Checks.required("settings", settings);
        return tenant -> settings;
    }

    /** The settings of the tenants in {@code settings}; any other tenant is unknown. */
    static TenantSettingsSource of(Map<TenantId, TenantSettings> settings) {
        Map<TenantId, TenantSettings> copy = Checks.map("settings", settings);
        return tenant -> {
            TenantSettings found = copy.get(tenant);
            if (found == null) {
                throw new NotFoundException("Tenant", tenant.value());
            }
            return found;
        };
    }
}
