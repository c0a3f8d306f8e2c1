package io.crmkit.core.lead;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Derived;
import io.crmkit.core.record.MatchKeys;
import io.crmkit.core.record.Owned;
import io.crmkit.core.sales.OpportunityId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * A lead (线索): unverified contact information from marketing, such as a business card from a fair
 * or a web enquiry, worked through its {@linkplain LeadLifecycle life cycle} until it is converted
 * into an account and contact or marked invalid.
 *
 * <p><b>Pool and owner.</b> A lead is created either in a lead pool without an owner, or with an
 * owner; so at least one of {@link #poolId()} and {@link #owner()} is set, and a lead with neither
 * is rejected (nobody would ever see it). Both are set once a pool lead is claimed or assigned: the
 * pool stays recorded as the lead's pool, which is where a return sends it. Moving a lead out of
 * every pool needs an owner.
 *
 * <p><b>Invariants</b> the constructor guarantees: {@code statusBeforeInvalid} and
 * {@code invalidReason} are set exactly when the status is INVALID (the former NEW, FOLLOWING_UP or
 * MQL); {@code convertedAccountId}, {@code convertedContactId} and {@code convertedAt} are set
 * exactly when the status is CONVERTED, and {@code convertedOpportunityId} is set only then (an
 * opportunity is optional).
 *
 * <p><b>Content rules</b> (lengths, e-mail format) are annotations, checked all at once by
 * {@link io.crmkit.core.validation.CrmValidation}. Which fields are required is tenant configuration
 * ({@link io.crmkit.core.tenant.RequiredFields}; by default person name, company, phone and details),
 * checked by the rules, so no field here is
 * annotated as required.
 *
 * <p><b>Match keys.</b> The last four components are {@link Derived}: the constructor always
 * recomputes them from {@code company}, {@code phone} and {@code email} (whatever is passed in is
 * ignored), so they are never stale, and stores can look duplicates up by them.
 *
 * <p>The life-cycle methods ({@link #markFollowingUp}, {@link #markMql}, {@link #convert},
 * {@link #markInvalid}, {@link #restore}) return the changed lead and leave {@code version} and
 * {@code updatedAt} alone: the caller stamps the write and the store bumps the version. They neither
 * check nor change {@code locked} or {@code voided}; whether a locked or voided lead may be worked
 * on is a rule of the rules module.
 *
 * @param id the lead's id
 * @param tenantId the owning tenant
 * @param personName the person's name, at most {@value #MAX_PERSON_NAME} characters, or null
 * @param company the person's company, at most {@value #MAX_COMPANY} characters, or null
 * @param phone a phone number as given, at most {@value #MAX_PHONE} characters, or null
 * @param email an e-mail address, at most {@value #MAX_EMAIL} characters, or null
 * @param source the lead source code from the tenant's configuration (for example {@code fair},
 *     {@code web}), at most {@value #MAX_SOURCE} characters, or null
 * @param details what the person asked or needs, at most {@value #MAX_DETAILS} characters, or null
 * @param status the life-cycle status
 * @param poolId the lead pool the lead belongs to, or null when it is outside every pool (then it
 *     has an owner)
 * @param lastFollowUpAt when the lead was last followed up, or null if never
 * @param statusBeforeInvalid the status the lead had when it was marked invalid (what
 *     {@link #restore()} goes back to); set exactly when the status is INVALID, otherwise null
 * @param invalidReason why it was marked invalid, at most {@value #MAX_INVALID_REASON} characters;
 *     set exactly when the status is INVALID, otherwise null
 * @param convertedAccountId the account the lead was converted into (new or existing); set exactly
 *     when CONVERTED, otherwise null
 * @param convertedContactId the contact created by the conversion; set exactly when CONVERTED,
 *     otherwise null
 * @param convertedOpportunityId the opportunity created by the conversion, or null (always null
 *     unless CONVERTED)
 * @param convertedAt when the lead was converted; set exactly when CONVERTED, otherwise null
 * @param locked whether the lead is locked against editing
 * @param voided whether the lead was voided into the recycle bin (restorable)
 * @param owner the owning user, or null while the lead sits unclaimed in its pool
 * @param ownedSince when the current owner got the lead (creation with an owner, claim, assignment,
 *     transfer out of pools); set exactly when {@code owner} is set, otherwise null. Inactivity for a
 *     lead pool's recycle rules counts from the later of this and {@code lastFollowUpAt}
 * @param customFields the tenant's custom fields
 * @param version the optimistic-locking version
 * @param createdAt when the lead was created
 * @param updatedAt when the lead last changed
 * @param companyKey derived: {@link MatchKeys#companyKey} of {@code company}, for duplicate detection
 * @param phoneKey derived: {@link MatchKeys#phoneKey} of {@code phone}
 * @param emailKey derived: {@link MatchKeys#emailKey} of {@code email}
 * @param emailDomainKey derived: {@link MatchKeys#emailDomainKey} of {@code email} (null for webmail)
 */
public record Lead(
        LeadId id,
        TenantId tenantId,
        @Size(max = Lead.MAX_PERSON_NAME) String personName,
        @Size(max = Lead.MAX_COMPANY) String company,
        @Size(max = Lead.MAX_PHONE) String phone,
        @Email @Size(max = Lead.MAX_EMAIL) String email,
        @Size(max = Lead.MAX_SOURCE) String source,
        @Size(max = Lead.MAX_DETAILS) String details,
        LeadStatus status,
        LeadPoolId poolId,
        Instant lastFollowUpAt,
        LeadStatus statusBeforeInvalid,
        @Size(max = Lead.MAX_INVALID_REASON) String invalidReason,
        AccountId convertedAccountId,
        ContactId convertedContactId,
        OpportunityId convertedOpportunityId,
        Instant convertedAt,
        boolean locked,
        boolean voided,
        UserId owner,
        Instant ownedSince,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Derived String companyKey,
        @Derived String phoneKey,
        @Derived String emailKey,
        @Derived String emailDomainKey)
        implements Aggregate<LeadId>, Owned {

    /** Longest person name. */
    public static final int MAX_PERSON_NAME = 100;

    /** Longest company name. */
    public static final int MAX_COMPANY = 200;

    /** Longest phone number. */
    public static final int MAX_PHONE = 40;

    /** Longest e-mail address (the SMTP limit). */
    public static final int MAX_EMAIL = 254;

    /** Longest source code. */
    public static final int MAX_SOURCE = 64;

    /** Longest details text. */
    public static final int MAX_DETAILS = 4000;

    /** Longest reason for marking a lead invalid. */
    public static final int MAX_INVALID_REASON = 500;

    /**
     * Checks the structure and the life-cycle invariants, strips text (blank becomes null),
     * defaults missing custom fields to none and computes the match keys.
     *
     * @throws ValidationException if a required part is missing, the lead has neither pool nor
     *     owner, {@code ownedSince} is not set exactly when there is an owner, the version is negative, or the invalid or conversion fields do not match the status
     */
    public Lead {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        // Lengths and formats are content rules reported by CrmValidation together.
        personName = Checks.optionalText("personName", personName, Integer.MAX_VALUE);
        company = Checks.optionalText("company", company, Integer.MAX_VALUE);
        phone = Checks.optionalText("phone", phone, Integer.MAX_VALUE);
        email = Checks.optionalText("email", email, Integer.MAX_VALUE);
        source = Checks.optionalText("source", source, Integer.MAX_VALUE);
        details = Checks.optionalText("details", details, Integer.MAX_VALUE);
        invalidReason = Checks.optionalText("invalidReason", invalidReason, Integer.MAX_VALUE);
        Checks.required("status", status);
        if (poolId == null && owner == null) {
            throw ValidationException.of("owner", ErrorCode.FIELD_INVALID,
                    "a lead needs an owner or a lead pool; set one of them");
        }
        if (owner == null && ownedSince != null) {
            throw ValidationException.of("ownedSince", ErrorCode.FIELD_INVALID,
                    "a lead without owner has no ownership start");
        }
        if (owner != null && ownedSince == null) {
            throw ValidationException.of("ownedSince", ErrorCode.FIELD_REQUIRED);
        }
        if (status == LeadStatus.INVALID) {
            LeadLifecycle.requireRestorable("statusBeforeInvalid", statusBeforeInvalid);
            Checks.required("invalidReason", invalidReason);
        } else {
            requireUnset("statusBeforeInvalid", statusBeforeInvalid, "INVALID");
            requireUnset("invalidReason", invalidReason, "INVALID");
        }
        if (status == LeadStatus.CONVERTED) {
            Checks.required("convertedAccountId", convertedAccountId);
            Checks.required("convertedContactId", convertedContactId);
            Checks.required("convertedAt", convertedAt);
        } else {
            requireUnset("convertedAccountId", convertedAccountId, "CONVERTED");
            requireUnset("convertedContactId", convertedContactId, "CONVERTED");
            requireUnset("convertedOpportunityId", convertedOpportunityId, "CONVERTED");
            requireUnset("convertedAt", convertedAt, "CONVERTED");
        }
        customFields = customFields == null ? CustomFields.none() : customFields;
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        companyKey = MatchKeys.companyKey(company);
        phoneKey = MatchKeys.phoneKey(phone);
        emailKey = MatchKeys.emailKey(email);
        emailDomainKey = MatchKeys.emailDomainKey(email);
    }

    /**
     * This lead marked as being followed up (NEW or FOLLOWING_UP to FOLLOWING_UP), with
     * {@code lastFollowUpAt} moved to {@code at} unless it is already later (a follow-up logged
     * after the fact never moves the time back).
     *
     * @param at when the follow-up happened
     * @return the changed lead
     * @throws IllegalTransitionException if the status is MQL, CONVERTED or INVALID
     * @throws ValidationException if {@code at} is null
     */
    public Lead markFollowingUp(Instant at) {
        LeadStatus next = LeadLifecycle.next(status, LeadAction.MARK_FOLLOWING_UP, statusBeforeInvalid);
        Checks.required("at", at);
        Instant latest = lastFollowUpAt == null || at.isAfter(lastFollowUpAt) ? at : lastFollowUpAt;
        return toBuilder().status(next).lastFollowUpAt(latest).build();
    }

    /**
     * This lead marked marketing-qualified (NEW or FOLLOWING_UP to MQL).
     *
     * @return the changed lead
     * @throws IllegalTransitionException if the status is MQL, CONVERTED or INVALID
     */
    public Lead markMql() {
        LeadStatus next = LeadLifecycle.next(status, LeadAction.MARK_MQL, statusBeforeInvalid);
        return toBuilder().status(next).build();
    }

    /**
     * This lead converted (NEW, FOLLOWING_UP or MQL to CONVERTED), recording what it became. After
     * this no status action is allowed on the lead.
     *
     * @param account the new or existing account
     * @param contact the contact created for the person
     * @param opportunity the opportunity created, or null when none was
     * @param at when the conversion happened
     * @return the changed lead
     * @throws IllegalTransitionException if the status is CONVERTED or INVALID
     * @throws ValidationException if {@code account}, {@code contact} or {@code at} is null
     */
    public Lead convert(AccountId account, ContactId contact, OpportunityId opportunity, Instant at) {
        LeadStatus next = LeadLifecycle.next(status, LeadAction.CONVERT, statusBeforeInvalid);
        return toBuilder()
                .status(next)
                .convertedAccountId(Checks.required("account", account))
                .convertedContactId(Checks.required("contact", contact))
                .convertedOpportunityId(opportunity)
                .convertedAt(Checks.required("at", at))
                .build();
    }

    /**
     * This lead marked invalid (NEW, FOLLOWING_UP or MQL to INVALID), remembering its status for
     * {@link #restore()}.
     *
     * @param reason why, at most {@value #MAX_INVALID_REASON} characters; stored stripped
     * @return the changed lead
     * @throws IllegalTransitionException if the status is CONVERTED or INVALID
     * @throws ValidationException if the reason is blank or too long
     */
    public Lead markInvalid(String reason) {
        LeadStatus next = LeadLifecycle.next(status, LeadAction.MARK_INVALID, statusBeforeInvalid);
        String checked = Checks.text("reason", reason, MAX_INVALID_REASON);
        return toBuilder().status(next).statusBeforeInvalid(status).invalidReason(checked).build();
    }

    /**
     * This invalid lead restored to the status it had before it was marked invalid; the reason is
     * cleared.
     *
     * @return the changed lead
     * @throws IllegalTransitionException if the status is not INVALID
     */
    public Lead restore() {
        LeadStatus next = LeadLifecycle.next(status, LeadAction.RESTORE, statusBeforeInvalid);
        return toBuilder().status(next).statusBeforeInvalid(null).invalidReason(null).build();
    }

    /**
     * This lead owned by {@code owner} since {@code since}, after a claim, an assignment or a
     * transfer; its pool stays recorded.
     *
     * @throws ValidationException if {@code owner} or {@code since} is null
     */
    public Lead withOwner(UserId owner, Instant since) {
        return toBuilder().owner(Checks.required("owner", owner))
                .ownedSince(Checks.required("ownedSince", since)).build();
    }

    /**
     * This lead back in {@code pool} without an owner (and so without an ownership start), after a
     * return or a recycle.
     *
     * @throws ValidationException if {@code pool} is null
     */
    public Lead returnedTo(LeadPoolId pool) {
        return toBuilder().poolId(Checks.required("pool", pool)).owner(null).ownedSince(null).build();
    }

    /** This lead locked or unlocked. */
    public Lead withLocked(boolean locked) {
        return toBuilder().locked(locked).build();
    }

    /** This lead voided into the recycle bin, or restored from it. */
    public Lead withVoided(boolean voided) {
        return toBuilder().voided(voided).build();
    }

    /** Whether the lead is converted (final). */
    @JsonIgnore
    public boolean isConverted() {
        return status == LeadStatus.CONVERTED;
    }

    /** Whether the lead is marked invalid. */
    @JsonIgnore
    public boolean isInvalid() {
        return status == LeadStatus.INVALID;
    }

    /** Whether the lead sits in its pool without an owner, so it can be claimed or assigned. */
    @JsonIgnore
    public boolean isUnclaimed() {
        return owner == null;
    }

    /** The status actions allowed now; empty once converted. */
    @JsonIgnore
    public Set<LeadAction> allowedActions() {
        return LeadLifecycle.allowedActions(status);
    }

    /** A builder with status NEW, not locked or voided, no custom fields, version 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this lead's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .tenantId(tenantId)
                .personName(personName)
                .company(company)
                .phone(phone)
                .email(email)
                .source(source)
                .details(details)
                .status(status)
                .poolId(poolId)
                .lastFollowUpAt(lastFollowUpAt)
                .statusBeforeInvalid(statusBeforeInvalid)
                .invalidReason(invalidReason)
                .convertedAccountId(convertedAccountId)
                .convertedContactId(convertedContactId)
                .convertedOpportunityId(convertedOpportunityId)
                .convertedAt(convertedAt)
                .locked(locked)
                .voided(voided)
                .owner(owner)
                .ownedSince(ownedSince)
                .customFields(customFields)
                .version(version)
                .createdAt(createdAt)
                .updatedAt(updatedAt);
    }

    private static void requireUnset(String field, Object value, String status) {
        if (value != null) {
            throw ValidationException.of(field, ErrorCode.FIELD_INVALID, "must be empty unless the status is " + status);
        }
    }

    /** Builds a {@link Lead}; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private LeadId id;
        private TenantId tenantId;
        private String personName;
        private String company;
        private String phone;
        private String email;
        private String source;
        private String details;
        private LeadStatus status = LeadStatus.NEW;
        private LeadPoolId poolId;
        private Instant lastFollowUpAt;
        private LeadStatus statusBeforeInvalid;
        private String invalidReason;
        private AccountId convertedAccountId;
        private ContactId convertedContactId;
        private OpportunityId convertedOpportunityId;
        private Instant convertedAt;
        private boolean locked;
        private boolean voided;
        private UserId owner;
        private Instant ownedSince;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link Lead#id()}. */
        public Builder id(LeadId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link Lead#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link Lead#personName()}. */
        public Builder personName(String personName) {
            this.personName = personName;
            return this;
        }

        /** Sets {@link Lead#company()}. */
        public Builder company(String company) {
            this.company = company;
            return this;
        }

        /** Sets {@link Lead#phone()}. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Sets {@link Lead#email()}. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Sets {@link Lead#source()}. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Sets {@link Lead#details()}. */
        public Builder details(String details) {
            this.details = details;
            return this;
        }

        /** Sets {@link Lead#status()}. */
        public Builder status(LeadStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@link Lead#poolId()}. */
        public Builder poolId(LeadPoolId poolId) {
            this.poolId = poolId;
            return this;
        }

        /** Sets {@link Lead#lastFollowUpAt()}. */
        public Builder lastFollowUpAt(Instant lastFollowUpAt) {
            this.lastFollowUpAt = lastFollowUpAt;
            return this;
        }

        /** Sets {@link Lead#statusBeforeInvalid()}. */
        public Builder statusBeforeInvalid(LeadStatus statusBeforeInvalid) {
            this.statusBeforeInvalid = statusBeforeInvalid;
            return this;
        }

        /** Sets {@link Lead#invalidReason()}. */
        public Builder invalidReason(String invalidReason) {
            this.invalidReason = invalidReason;
            return this;
        }

        /** Sets {@link Lead#convertedAccountId()}. */
        public Builder convertedAccountId(AccountId convertedAccountId) {
            this.convertedAccountId = convertedAccountId;
            return this;
        }

        /** Sets {@link Lead#convertedContactId()}. */
        public Builder convertedContactId(ContactId convertedContactId) {
            this.convertedContactId = convertedContactId;
            return this;
        }

        /** Sets {@link Lead#convertedOpportunityId()}. */
        public Builder convertedOpportunityId(OpportunityId convertedOpportunityId) {
            this.convertedOpportunityId = convertedOpportunityId;
            return this;
        }

        /** Sets {@link Lead#convertedAt()}. */
        public Builder convertedAt(Instant convertedAt) {
            this.convertedAt = convertedAt;
            return this;
        }

        /** Sets {@link Lead#locked()}. */
        public Builder locked(boolean locked) {
            this.locked = locked;
            return this;
        }

        /** Sets {@link Lead#voided()}. */
        public Builder voided(boolean voided) {
            this.voided = voided;
            return this;
        }

        /** Sets {@link Lead#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link Lead#ownedSince()}. */
        public Builder ownedSince(Instant ownedSince) {
            this.ownedSince = ownedSince;
            return this;
        }

        /** Sets {@link Lead#customFields()}. */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets {@link Lead#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link Lead#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link Lead#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The lead.
         *
         * @throws ValidationException as the constructor does
         */
        public Lead build() {
            return new Lead(id, tenantId, personName, company, phone, email, source, details, status,
                    poolId, lastFollowUpAt, statusBeforeInvalid, invalidReason, convertedAccountId,
                    convertedContactId, convertedOpportunityId, convertedAt, locked, voided, owner,
                    ownedSince, customFields, version, createdAt, updatedAt, null, null, null, null);
        }
    }
}
