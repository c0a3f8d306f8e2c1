package io.crmkit.rules.lead;

import io.crmkit.core.account.Account;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.rules.duplicate.DuplicateMatch;
import java.util.List;

/**
 * What {@link LeadConversion#convert} did.
 *
 * @param lead the lead, now CONVERTED
 * @param account the account the lead became, as stored (new, or existing with empty fields filled)
 * @param accountCreated whether the account is new
 * @param contact the contact for the lead's person, as stored
 * @param contactCreated whether the contact is new (false when the account already had a contact with
 *     the same name and phone, which was reused)
 * @param opportunity the opportunity opened, or null when none was asked for
 * @param followUpsCarriedOver how many of the lead's follow-up records were copied to the account
 * @param warnings likely duplicates of the new account or contact, for the user to review (empty when
 *     there are none or the tenant's policy does not warn)
 */
public record ConversionResult(
        Lead lead,
        Account account,
        boolean accountCreated,
        Contact contact,
        boolean contactCreated,
        Opportunity opportunity,
        int followUpsCarriedOver,
        List<DuplicateMatch> warnings) {

    /** Requires lead, account and contact, and copies the warnings. */
    public ConversionResult {
        Checks.required("lead", lead);
        Checks.required("account", account);
        Checks.required("contact", contact);
        Checks.range("followUpsCarriedOver", followUpsCarriedOver, 0, Integer.MAX_VALUE);
        warnings = Checks.list("warnings", warnings);
    }
}
