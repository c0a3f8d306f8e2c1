package io.crmkit.spi.registry;

import io.crmkit.core.internal.Checks;

/**
 * A company's registered details, used to fill a new account's contact fields.
 *
 * @param registryId the registry's id of the company
 * @param name the registered name
 * @param phone the registered phone, or null
 * @param email the registered e-mail, or null
 * @param website the website, or null
 * @param address the registered address as one line, or null
 * @param legalRepresentative the legal representative, or null
 */
public record RegistryCompany(
        String registryId, String name, String phone, String email, String website, String address, String legalRepresentative) {
    /** Validates the parts. */
    public RegistryCompany {
        registryId = Checks.text("registryId", registryId, 64);
        name = Checks.text("name", name, 300);
        phone = Checks.optionalText("phone", phone, 40);
        email = Checks.optionalText("email", email, 254);
        website = Checks.optionalText("website", website, 300);
        address = Checks.optionalText("address", address, 500);
        legalRepresentative = Checks.optionalText("legalRepresentative", legalRepresentative, 100);
    }
}
