package io.crmkit.spi.registry;

import io.crmkit.core.internal.Checks;

/**
 * One suggestion of a company registry lookup (工商信息), shown while a user types a company name.
 *
 * @param registryId the registry's id of the company (for example the unified social credit code)
 * @param name the registered name
 * @param region where it is registered, or null
 */
public record RegistryMatch(String registryId, String name, String region) {
    /** Validates the parts. */
    public RegistryMatch {
        registryId = Checks.text("registryId", registryId, 64);
        name = Checks.text("name", name, 300);
        region = Checks.optionalText("region", region, 100);
    }
}
