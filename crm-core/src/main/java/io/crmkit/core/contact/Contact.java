package io.crmkit.core.contact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Derived;
import io.crmkit.core.record.MatchKeys;
import io.crmkit.core.record.Owned;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contact (联系人): a person, usually at an account.
 *
 * <p>Unlike an account, a contact may have no owner even outside a pool: an ownerless contact goes
 * to whoever claims its account. Field contents (name present and at most 100 characters, e-mail
 * format, lengths) are Jakarta constraints checked by {@link io.crmkit.core.validation.CrmValidation};
 * which other fields a tenant requires is {@link io.crmkit.core.tenant.RequiredFields} configuration.
 * Present texts are stripped and blank ones become {@code null}; blank phone numbers are dropped.
 *
 * <p><b>Match keys.</b> The last three components are {@link Derived}: the constructor always
 * recomputes them from {@code name}, the first phone number and {@code email} (whatever is passed in
 * is ignored), so they are never stale, and stores can look duplicates up by them.
 *
 * <p>The {@code with...} helpers change domain fields only; whoever saves the result stamps
 * {@code updatedAt} and the store moves the version.
 *
 * @param id the contact's id
 * @param tenantId the owning tenant
 * @param accountId the account the person works at, or null
 * @param name the person's name, required by default, at most 100 characters
 * @param department the department (部门), at most 100 characters, or null
 * @param title the job title (职务), at most 100 characters, or null
 * @param gender the gender; {@link Gender#UNDISCLOSED} when not given, never null
 * @param birthday the birthday (a calendar date), or null
 * @param phones phone numbers, each at most 40 characters; never null
 * @param email the e-mail address, at most 254 characters, or null
 * @param keyDecisionMaker whether the person decides purchases (关键决策人)
 * @param lastFollowUpAt when the contact was last followed up, or null if never
 * @param locked whether the contact is locked against changes, for example with its account
 * @param voided whether the contact is in the recycle bin; restorable
 * @param owner the owning user, or null (the contact then goes to whoever claims its account)
 * @param customFields the tenant's custom fields; never null
 * @param version the version the contact was read at; 0 before it is first stored
 * @param createdAt when the contact was created
 * @param updatedAt when the contact was last changed
 * @param nameKey derived: {@link MatchKeys#personKey} of {@code name}, for duplicate detection
 * @param phoneKey derived: {@link MatchKeys#phoneKey} of the first (main) phone number
 * @param emailKey derived: {@link MatchKeys#emailKey} of {@code email}
 */
public record Contact(
        ContactId id,
        TenantId tenantId,
        AccountId accountId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String department,
        @Size(max = 100) String title,
        Gender gender,
        LocalDate birthday,
        List<@Size(max = 40) String> phones,
        @Email @Size(max = 254) String email,
        boolean keyDecisionMaker,
        Instant lastFollowUpAt,
        boolean locked,
        boolean voided,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Derived String nameKey,
        @Derived String phoneKey,
        @Derived String emailKey) implements Aggregate<ContactId>, Owned {

    /**
     * Checks ids, status and timestamps, copies the phone list and computes the match keys.
     *
     * @throws io.crmkit.core.error.ValidationException naming the field if one is missing or the
     *     version is negative
     */
    public Contact {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("gender", gender);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        name = strip(name);
        department = strip(department);
        title = strip(title);
        email = strip(email);
        phones = Checks.list("phones", phones).stream().filter(p -> !p.isBlank()).map(String::strip).toList();
        customFields = customFields == null ? CustomFields.none() : customFields;
        nameKey = MatchKeys.personKey(name);
        phoneKey = phones.isEmpty() ? null : MatchKeys.phoneKey(phones.get(0));
        emailKey = MatchKeys.emailKey(email);
    }

    /** A builder with the defaults: version 0, {@link Gender#UNDISCLOSED}, no phones, no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this contact, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).accountId(accountId).name(name).department(department).title(title)
                .gender(gender).birthday(birthday).phones(phones).email(email).keyDecisionMaker(keyDecisionMaker)
                .lastFollowUpAt(lastFollowUpAt).locked(locked).voided(voided).owner(owner)
                .customFields(customFields).version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** Whether the contact has an owner. */
    @JsonIgnore
    public boolean isOwned() {
        return owner != null;
    }

    /** This contact owned by {@code owner}, or ownerless for {@code null}. */
    public Contact withOwner(UserId owner) {
        return toBuilder().owner(owner).build();
    }

    /** This contact linked to {@code account}, or to no account for {@code null} (lead conversion links it). */
    public Contact withAccount(AccountId account) {
        return toBuilder().accountId(account).build();
    }

    /**
     * This contact followed up at {@code at}; the last follow-up time never moves backwards.
     *
     * @throws io.crmkit.core.error.ValidationException if {@code at} is null
     */
    public Contact followedUpAt(Instant at) {
        Checks.required("lastFollowUpAt", at);
        boolean later = lastFollowUpAt == null || at.isAfter(lastFollowUpAt);
        return later ? toBuilder().lastFollowUpAt(at).build() : this;
    }

    /** This contact locked or unlocked (for example together with its account). */
    public Contact withLocked(boolean locked) {
        return toBuilder().locked(locked).build();
    }

    /** This contact moved to the recycle bin ({@code true}) or restored from it ({@code false}). */
    public Contact withVoided(boolean voided) {
        return toBuilder().voided(voided).build();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Builds a {@link Contact}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private ContactId id;
        private TenantId tenantId;
        private AccountId accountId;
        private String name;
        private String department;
        private String title;
        private Gender gender = Gender.UNDISCLOSED;
        private LocalDate birthday;
        private List<String> phones = List.of();
        private String email;
        private boolean keyDecisionMaker;
        private Instant lastFollowUpAt;
        private boolean locked;
        private boolean voided;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link Contact#id()}. */
        public Builder id(ContactId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link Contact#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link Contact#accountId()}. */
        public Builder accountId(AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets {@link Contact#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link Contact#department()}. */
        public Builder department(String department) {
            this.department = department;
            return this;
        }

        /** Sets {@link Contact#title()}. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets {@link Contact#gender()}. */
        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        /** Sets {@link Contact#birthday()}. */
        public Builder birthday(LocalDate birthday) {
            this.birthday = birthday;
            return this;
        }

        /** Sets {@link Contact#phones()}. */
        public Builder phones(List<String> phones) {
            this.phones = phones;
            return this;
        }

        /** Sets {@link Contact#email()}. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Sets {@link Contact#keyDecisionMaker()}. */
        public Builder keyDecisionMaker(boolean keyDecisionMaker) {
            this.keyDecisionMaker = keyDecisionMaker;
            return this;
        }

        /** Sets {@link Contact#lastFollowUpAt()}. */
        public Builder lastFollowUpAt(Instant lastFollowUpAt) {
            this.lastFollowUpAt = lastFollowUpAt;
            return this;
        }

        /** Sets {@link Contact#locked()}. */
        public Builder locked(boolean locked) {
            this.locked = locked;
            return this;
        }

        /** Sets {@link Contact#voided()}. */
        public Builder voided(boolean voided) {
            this.voided = voided;
            return this;
        }

        /** Sets {@link Contact#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link Contact#customFields()}. */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets {@link Contact#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link Contact#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link Contact#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The contact.
         *
         * @throws io.crmkit.core.error.ValidationException if a structural check of {@link Contact} fails
         */
        public Contact build() {
            return new Contact(id, tenantId, accountId, name, department, title, gender, birthday, phones, email,
                    keyDecisionMaker, lastFollowUpAt, locked, voided, owner, customFields, version, createdAt,
                    updatedAt, null, null, null);
        }
    }
}
