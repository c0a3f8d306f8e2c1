package io.crmkit.spi.registry;

import java.util.List;
import java.util.Optional;

/**
 * A company registry (工商信息) the host connects, such as a commercial data provider. The library
 * uses it to suggest registered companies as a user types and to fill a new account's details.
 */
public interface CompanyRegistry {

    /**
     * Companies whose name contains {@code nameFragment}, best matches first.
     *
     * @param nameFragment at least one character of a company name
     * @param limit the most suggestions wanted, 1 or more
     */
    List<RegistryMatch> suggest(String nameFragment, int limit);

    /** The registered details of the company with {@code registryId}, if the registry knows it. */
    Optional<RegistryCompany> fetch(String registryId);
}
