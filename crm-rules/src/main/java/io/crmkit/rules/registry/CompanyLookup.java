package io.crmkit.rules.registry;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.Address;
import io.crmkit.core.account.AddressKind;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.internal.Checks;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.registry.RegistryCompany;
import io.crmkit.spi.registry.RegistryMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The company registry lookup (工商信息, DOMAIN.md section 8) through the host's
 * {@link io.crmkit.spi.registry.CompanyRegistry}: typing a company name suggests registered companies,
 * and choosing one fills a new account's details. Reads only; it writes nothing and needs no actor
 * (the registry holds public data), so the host calls it from its form and then creates the account.
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm}; the constructor is internal.
 */
public final class CompanyLookup {
    /** The most suggestions one call returns. */
    public static final int MAX_SUGGESTIONS = 50;

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public CompanyLookup(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Registered companies whose name contains {@code fragment}, best matches first, as the registry
     * ranks them.
     *
     * @param fragment part of a company name, at least one character besides white space (stripped)
     * @param limit the most suggestions wanted, 1 to {@value #MAX_SUGGESTIONS}
     * @return at most {@code limit} suggestions; empty when the registry knows none
     * @throws io.crmkit.core.error.ValidationException if the fragment is blank or longer than 300
     *     characters, or the limit is out of range
     */
    public List<RegistryMatch> suggest(String fragment, int limit) {
        String checked = Checks.text("fragment", fragment, 300);
        Checks.range("limit", limit, 1, MAX_SUGGESTIONS);
        List<RegistryMatch> found = rules.registry().suggest(checked, limit);
        return found.size() <= limit ? List.copyOf(found) : List.copyOf(found.subList(0, limit));
    }

    /**
     * {@code draft} with the registered details of the company {@code registryId} filled in where the
     * caller left them empty: name, registry id, phone, e-mail, website, and the registered address as
     * an {@link AddressKind#OFFICE} address (its one line in {@code street}; primary unless the draft
     * already has a primary address). Nothing the caller set is overwritten, and no office address is
     * added when the draft already has one. The draft is not stored; version and timestamps are left
     * as they are.
     *
     * @param draft the new account as the user has filled it so far
     * @param registryId the id of the registry entry the user chose (from {@link #suggest})
     * @return the filled account
     * @throws NotFoundException (record type {@code RegistryCompany}) if the registry does not know
     *     {@code registryId}
     * @throws io.crmkit.core.error.ValidationException if an argument is missing
     */
    public Account fillFromRegistry(Account draft, String registryId) {
        Checks.required("draft", draft);
        Checks.text("registryId", registryId, 64);
        RegistryCompany company = rules.registry().fetch(registryId.strip())
                .orElseThrow(() -> new NotFoundException("RegistryCompany", registryId.strip()));
        Account.Builder filled = draft.toBuilder()
                .name(orElse(draft.name(), company.name()))
                .registryId(orElse(draft.registryId(), company.registryId()))
                .phone(orElse(draft.phone(), company.phone()))
                .email(orElse(draft.email(), company.email()))
                .website(orElse(draft.website(), company.website()));
        boolean hasOffice = draft.addresses().stream().anyMatch(a -> a.kind() == AddressKind.OFFICE);
        if (company.address() != null && !hasOffice) {
            List<Address> addresses = new ArrayList<>(draft.addresses());
            addresses.add(Address.builder(AddressKind.OFFICE).street(company.address())
                    .primary(draft.primaryAddress().isEmpty()).build());
            filled.addresses(addresses);
        }
        return filled.build();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
