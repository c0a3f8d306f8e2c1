package io.crmkit.rules.lead;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.record.CustomFields;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * What {@link LeadIntake#create} needs to create a lead. Texts are stripped and blank ones become
 * null; lengths and the e-mail format are checked with every other violation when the command runs,
 * and which fields are required is the tenant's configuration
 * ({@link io.crmkit.core.tenant.RequiredFields}; by default person name, company, phone and details).
 *
 * @param personName the person's name, at most {@value Lead#MAX_PERSON_NAME} characters, or null
 * @param company the person's company, at most {@value Lead#MAX_COMPANY} characters, or null
 * @param phone a phone number as given, at most {@value Lead#MAX_PHONE} characters, or null
 * @param email an e-mail address, at most {@value Lead#MAX_EMAIL} characters, or null
 * @param source the lead source code from the tenant's configuration (for example {@code fair}), at
 *     most {@value Lead#MAX_SOURCE} characters, or null
 * @param details what the person asked or needs, at most {@value Lead#MAX_DETAILS} characters, or null
 * @param pool the lead pool to put the lead in, or null for a lead outside every pool (then
 *     {@code owner} is required)
 * @param owner who owns the lead, or null for an unclaimed lead in {@code pool}
 * @param custom the tenant's custom fields; null means none
 */
public record NewLead(
        @Size(max = Lead.MAX_PERSON_NAME) String personName,
        @Size(max = Lead.MAX_COMPANY) String company,
        @Size(max = Lead.MAX_PHONE) String phone,
        @Email @Size(max = Lead.MAX_EMAIL) String email,
        @Size(max = Lead.MAX_SOURCE) String source,
        @Size(max = Lead.MAX_DETAILS) String details,
        LeadPoolId pool,
        UserId owner,
        CustomFields custom) {

    /**
     * Strips the texts and requires a pool or an owner.
     *
     * @throws ValidationException on {@code owner} if neither a pool nor an owner is given (nobody
     *     would ever see the lead)
     */
    public NewLead {
        personName = strip(personName);
        company = strip(company);
        phone = strip(phone);
        email = strip(email);
        source = strip(source);
        details = strip(details);
        custom = custom == null ? CustomFields.none() : custom;
        if (pool == null && owner == null) {
            throw ValidationException.of("owner", ErrorCode.FIELD_INVALID,
                    "a lead needs an owner or a lead pool; set one of them");
        }
    }

    /** A builder with every part empty; set a pool or an owner. */
    public static Builder builder() {
        return new Builder();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Builds a {@link NewLead}; setters are named like the components. */
    public static final class Builder {
        private String personName;
        private String company;
        private String phone;
        private String email;
        private String source;
        private String details;
        private LeadPoolId pool;
        private UserId owner;
        private CustomFields custom;

        private Builder() {}

        /** Sets {@link NewLead#personName()}. */
        public Builder personName(String personName) {
            this.personName = personName;
            return this;
        }

        /** Sets {@link NewLead#company()}. */
        public Builder company(String company) {
            this.company = company;
            return this;
        }

        /** Sets {@link NewLead#phone()}. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Sets {@link NewLead#email()}. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Sets {@link NewLead#source()}. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Sets {@link NewLead#details()}. */
        public Builder details(String details) {
            this.details = details;
            return this;
        }

        /** Sets {@link NewLead#pool()}. */
        public Builder pool(LeadPoolId pool) {
            this.pool = pool;
            return this;
        }

        /** Sets {@link NewLead#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link NewLead#custom()}. */
        public Builder custom(CustomFields custom) {
            this.custom = custom;
            return this;
        }

        /**
         * The command.
         *
         * @throws ValidationException as the constructor does
         */
        public NewLead build() {
            return new NewLead(personName, company, phone, email, source, details, pool, owner, custom);
        }
    }
}
