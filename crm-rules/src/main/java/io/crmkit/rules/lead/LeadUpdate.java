package io.crmkit.rules.lead;

import io.crmkit.core.lead.Lead;
import io.crmkit.core.record.CustomFields;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * The contact fields {@link LeadIntake#update} changes on a lead. For each text, {@code null} leaves
 * the field as it is, and a blank text clears it (the tenant's required fields are then checked on
 * the result). Status, pool and owner are not edited here: they change through the life-cycle and
 * pool commands.
 *
 * @param personName the new person's name, at most {@value Lead#MAX_PERSON_NAME} characters; null keeps it
 * @param company the new company, at most {@value Lead#MAX_COMPANY} characters; null keeps it
 * @param phone the new phone number, at most {@value Lead#MAX_PHONE} characters; null keeps it
 * @param email the new e-mail address, at most {@value Lead#MAX_EMAIL} characters; null keeps it
 * @param source the new source code, at most {@value Lead#MAX_SOURCE} characters; null keeps it
 * @param details the new details, at most {@value Lead#MAX_DETAILS} characters; null keeps it
 * @param custom the lead's custom fields from now on (replacing all of them); null keeps them
 */
public record LeadUpdate(
        @Size(max = Lead.MAX_PERSON_NAME) String personName,
        @Size(max = Lead.MAX_COMPANY) String company,
        @Size(max = Lead.MAX_PHONE) String phone,
        @Email @Size(max = Lead.MAX_EMAIL) String email,
        @Size(max = Lead.MAX_SOURCE) String source,
        @Size(max = Lead.MAX_DETAILS) String details,
        CustomFields custom) {

    /** Strips present texts, keeping blank ones blank (they mean "clear the field"). */
    public LeadUpdate {
        personName = strip(personName);
        company = strip(company);
        phone = strip(phone);
        email = strip(email);
        source = strip(source);
        details = strip(details);
    }

    /** An update that changes nothing yet; add changes with the {@code with...} methods. */
    public static LeadUpdate none() {
        return new LeadUpdate(null, null, null, null, null, null, null);
    }

    /** This update also setting the person's name (blank clears it). */
    public LeadUpdate withPersonName(String personName) {
        return new LeadUpdate(personName, company, phone, email, source, details, custom);
    }

    /** This update also setting the company (blank clears it). */
    public LeadUpdate withCompany(String company) {
        return new LeadUpdate(personName, company, phone, email, source, details, custom);
    }

    /** This update also setting the phone number (blank clears it). */
    public LeadUpdate withPhone(String phone) {
        return new LeadUpdate(personName, company, phone, email, source, details, custom);
    }

    /** This update also setting the e-mail address (blank clears it). */
    public LeadUpdate withEmail(String email) {
        return new LeadUpdate(personName, company, phone, email, source, details, custom);
    }

    /** This update also setting the source (blank clears it). */
    public LeadUpdate withSource(String source) {
        return new LeadUpdate(personName, company, phone, email, source, details, custom);
    }

    /** This update also setting the details (blank clears it). */
    public LeadUpdate withDetails(String details) {
        return new LeadUpdate(personName, company, phone, email, source, details, custom);
    }

    /** This update also replacing the custom fields. */
    public LeadUpdate withCustom(CustomFields custom) {
        return new LeadUpdate(personName, company, phone, email, source, details, custom);
    }

    /** {@code lead} with these changes applied (version and timestamps untouched). */
    Lead applyTo(Lead lead) {
        return lead.toBuilder()
                .personName(pick(personName, lead.personName()))
                .company(pick(company, lead.company()))
                .phone(pick(phone, lead.phone()))
                .email(pick(email, lead.email()))
                .source(pick(source, lead.source()))
                .details(pick(details, lead.details()))
                .customFields(custom == null ? lead.customFields() : custom)
                .build();
    }

    private static String pick(String change, String current) {
        return change == null ? current : change;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
