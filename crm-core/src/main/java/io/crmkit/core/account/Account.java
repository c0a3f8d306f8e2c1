package io.crmkit.core.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Derived;
import io.crmkit.core.record.MatchKeys;
import io.crmkit.core.record.Owned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An account (客户): a customer company, "customer" in the UI.
 *
 * <p>The constructor enforces what must always hold, whatever the tenant configures:
 * <ul>
 *   <li>the owner is empty only while the account sits in a public pool ({@code poolId != null}),
 *       and {@code ownedSince} is set exactly when there is an owner;</li>
 *   <li>at most one address is primary;</li>
 *   <li>team members are distinct users and never the owner.</li>
 * </ul>
 * Field contents (name present and at most 200 characters, e-mail format, lengths) are Jakarta
 * constraints checked all at once by {@link io.crmkit.core.validation.CrmValidation}; which other
 * fields a tenant requires is {@link io.crmkit.core.tenant.RequiredFields} configuration. Present
 * texts are stripped and blank ones become {@code null}.
 *
 * <p><b>Match keys.</b> The last four components are {@link Derived}: the constructor always
 * recomputes them from {@code name}, {@code phone} and {@code email} (whatever is passed in is
 * ignored), so they are never stale, and stores can look duplicates up by them.
 *
 * <p>The {@code with...} helpers change domain fields only; whoever saves the result stamps
 * {@code updatedAt} from its clock and the store moves the version.
 *
 * @param id the account's id
 * @param tenantId the owning tenant
 * @param name the company name, required by default, at most 200 characters; unique per tenant by
 *     its {@link #nameKey() key} (case, width, punctuation and legal forms ignored), as the rules
 *     enforce it under the tenant's
 *     duplicate policy (block by default; warn or allow where the tenant says so), so no store
 *     holds it as a unique key
 * @param level the tenant-configured level code (for example {@code A} or {@code important}), at most
 *     64 characters, or null
 * @param source the tenant-configured source code (for example {@code fair}), at most 64 characters,
 *     or null
 * @param dealStatus whether the account has bought yet
 * @param addresses the account's addresses, at most one of them primary; never null
 * @param financialInfo invoicing details, or null
 * @param registryId the company's id in the business registry (工商注册号 / 统一社会信用代码), at most
 *     64 characters, or null
 * @param phone the main phone number, at most 40 characters, or null
 * @param email the main e-mail address, at most 254 characters, or null
 * @param website the web site, at most 500 characters, or null
 * @param poolId the public pool the account sits in (owner empty) or was claimed from (owner set), or
 *     null when it belongs to no pool
 * @param teamMembers users who work on the account besides the owner; distinct, never the owner
 * @param lastFollowUpAt when the account was last followed up, or null if never
 * @param lastDealAt when a deal with the account was last won, or null if never
 * @param recycleDeferredUntil until when an approved extension request keeps the account from being
 *     recycled out of its owner's hands, or null when no extension applies
 * @param locked whether the account is locked against changes (锁定)
 * @param voided whether the account is in the recycle bin (作废); restorable
 * @param ownedSince when the current owner got the account; set exactly when {@code owner} is
 * @param owner the owning user (负责人), or null only while the account sits in its pool
 * @param customFields the tenant's custom fields; never null
 * @param version the version the account was read at; 0 before it is first stored
 * @param createdAt when the account was created
 * @param updatedAt when the account was last changed
 * @param nameKey derived: {@link MatchKeys#companyKey} of {@code name}; the key the tenant's duplicate
 *     policy compares names by
 * @param phoneKey derived: {@link MatchKeys#phoneKey} of {@code phone}
 * @param emailKey derived: {@link MatchKeys#emailKey} of {@code email}
 * @param emailDomainKey derived: {@link MatchKeys#emailDomainKey} of {@code email} (null for webmail)
 */
public record Account(
        AccountId id,
        TenantId tenantId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 64) String level,
        @Size(max = 64) String source,
        DealStatus dealStatus,
        @Valid List<Address> addresses,
        @Valid FinancialInfo financialInfo,
        @Size(max = 64) String registryId,
        @Size(max = 40) String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 500) String website,
        PoolId poolId,
        List<TeamMember> teamMembers,
        Instant lastFollowUpAt,
        Instant lastDealAt,
        Instant recycleDeferredUntil,
        boolean locked,
        boolean voided,
        Instant ownedSince,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Derived String nameKey,
        @Derived String phoneKey,
        @Derived String emailKey,
        @Derived String emailDomainKey) implements Aggregate<AccountId>, Owned {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * Checks the structural invariants listed on the type and copies the collections.
     *
     * @throws ValidationException naming the field if an invariant does not hold
     */
    public Account {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("dealStatus", dealStatus);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        name = strip(name);
        level = strip(level);
        source = strip(source);
        registryId = strip(registryId);
        phone = strip(phone);
        email = strip(email);
        website = strip(website);
        addresses = Checks.list("addresses", addresses);
        teamMembers = Checks.list("teamMembers", teamMembers);
        customFields = customFields == null ? CustomFields.none() : customFields;
        nameKey = MatchKeys.companyKey(name);
        phoneKey = MatchKeys.phoneKey(phone);
        emailKey = MatchKeys.emailKey(email);
        emailDomainKey = MatchKeys.emailDomainKey(email);

        if (owner == null && poolId == null) {
            throw ValidationException.of("owner", ErrorCode.FIELD_REQUIRED);
        }
        if (owner == null && ownedSince != null) {
            throw ValidationException.of("ownedSince", ErrorCode.FIELD_INVALID,
                    "an account without owner has no ownership start");
        }
        if (owner != null && ownedSince == null) {
            throw ValidationException.of("ownedSince", ErrorCode.FIELD_REQUIRED);
        }
        if (addresses.stream().filter(Address::primary).count() > 1) {
            throw ValidationException.of("addresses", ErrorCode.FIELD_INVALID, "at most one address may be primary");
        }
        Set<UserId> seen = new HashSet<>();
        for (TeamMember member : teamMembers) {
            if (member.user().equals(owner)) {
                throw ValidationException.of("teamMembers", ErrorCode.FIELD_INVALID,
                        "the owner " + owner + " cannot also be a team member");
            }
            if (!seen.add(member.user())) {
                throw ValidationException.of("teamMembers", ErrorCode.FIELD_INVALID,
                        "user " + member.user() + " is listed twice");
            }
        }
    }

    /** A builder with no values set except the defaults: version 0, {@link DealStatus#NOT_YET}, empty lists and custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this account, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).name(name).level(level).source(source).dealStatus(dealStatus)
                .addresses(addresses).financialInfo(financialInfo).registryId(registryId).phone(phone)
                .email(email).website(website).poolId(poolId).teamMembers(teamMembers)
                .lastFollowUpAt(lastFollowUpAt).lastDealAt(lastDealAt).recycleDeferredUntil(recycleDeferredUntil).locked(locked).voided(voided)
                .ownedSince(ownedSince).owner(owner).customFields(customFields)
                .version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /**
     * The name as compared for uniqueness within a tenant: Unicode NFKC (full-width letters, digits and
     * brackets become their ordinary forms), runs of white space collapsed to one space, stripped and
     * lower-cased. So {@code "ＡＣＭＥ（上海）  Ltd"} and {@code "acme(上海) ltd"} are the same name.
     * This form keeps punctuation and legal forms, for display and sorting; duplicate detection
     * compares the coarser {@link #nameKey()}.
     *
     * @param name a company name
     * @return the normalised name, or null for null
     */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** This account's {@link #normalizeName(String) normalised} name, or null if it has none. */
    @JsonIgnore
    public String normalizedName() {
        return normalizeName(name);
    }

    /** Whether the account has an owner (false only while it sits unowned in its pool). */
    @JsonIgnore
    public boolean isOwned() {
        return owner != null;
    }

    /** Whether a deal with the account has been won. */
    @JsonIgnore
    public boolean isWon() {
        return dealStatus == DealStatus.WON;
    }

    /** The primary address, if one is marked primary. */
    @JsonIgnore
    public Optional<Address> primaryAddress() {
        return addresses.stream().filter(Address::primary).findFirst();
    }

    /** Whether {@code user} is a team member (the owner is not one). */
    public boolean isTeamMember(UserId user) {
        return teamMembers.stream().anyMatch(m -> m.user().equals(user));
    }

    /**
     * This account owned by {@code newOwner} since {@code since} (claim, assign, owner change). If the
     * new owner was a team member, they leave the team, since an owner is never also a member. Whether
     * the former owner's team is kept is the pool's rule: call {@link #withoutTeam()} to clear it.
     *
     * @throws ValidationException if either argument is null
     */
    public Account withOwner(UserId newOwner, Instant since) {
        Checks.required("owner", newOwner);
        Checks.required("ownedSince", since);
        List<TeamMember> team = teamMembers.stream().filter(m -> !m.user().equals(newOwner)).toList();
        return toBuilder().owner(newOwner).ownedSince(since).teamMembers(team).build();
    }

    /**
     * This account sitting unowned in {@code pool} (return, recycle, transfer to another pool): owner and
     * ownership start cleared, team left as it is for the pool's rule to decide.
     *
     * @throws ValidationException if {@code pool} is null
     */
    public Account inPool(PoolId pool) {
        Checks.required("poolId", pool);
        return toBuilder().poolId(pool).owner(null).ownedSince(null).build();
    }

    /**
     * This account taken out of every pool; it keeps its owner.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} on {@code owner} if the account
     *     has no owner, since only a pool may hold an unowned account
     */
    public Account outOfPool() {
        return toBuilder().poolId(null).build();
    }

    /**
     * This account with {@code member} on the team, replacing the same user's earlier access.
     *
     * @throws ValidationException if the member is the owner
     */
    public Account withTeamMember(TeamMember member) {
        Checks.required("teamMembers[]", member);
        List<TeamMember> team = new ArrayList<>(teamMembers.size() + 1);
        boolean replaced = false;
        for (TeamMember m : teamMembers) {
            if (m.user().equals(member.user())) {
                team.add(member);
                replaced = true;
            } else {
                team.add(m);
            }
        }
        if (!replaced) {
            team.add(member);
        }
        return toBuilder().teamMembers(team).build();
    }

    /** This account without {@code user} on the team (unchanged if they were not on it). */
    public Account withoutTeamMember(UserId user) {
        return toBuilder().teamMembers(teamMembers.stream().filter(m -> !m.user().equals(user)).toList()).build();
    }

    /** This account with an empty team (the pool rule "clear the team when the owner changes"). */
    public Account withoutTeam() {
        return toBuilder().teamMembers(List.of()).build();
    }

    /**
     * This account followed up at {@code at}. The last follow-up time never moves backwards, so a
     * back-dated follow-up record does not make the account look neglected.
     *
     * @throws ValidationException if {@code at} is null
     */
    public Account followedUpAt(Instant at) {
        Checks.required("lastFollowUpAt", at);
        return toBuilder().lastFollowUpAt(later(lastFollowUpAt, at)).build();
    }

    /**
     * This account with a deal won at {@code at}: deal status {@link DealStatus#WON}, and the last deal
     * time moved to {@code at} unless a later deal is already recorded.
     *
     * @throws ValidationException if {@code at} is null
     */
    public Account dealWonAt(Instant at) {
        Checks.required("lastDealAt", at);
        return toBuilder().dealStatus(DealStatus.WON).lastDealAt(later(lastDealAt, at)).build();
    }

    /**
     * This account with {@code status} as its deal status (the pool action "change deal status").
     *
     * @throws ValidationException if {@code status} is null
     */
    public Account withDealStatus(DealStatus status) {
        return toBuilder().dealStatus(status).build();
    }

    /** This account locked or unlocked. */
    public Account withLocked(boolean locked) {
        return toBuilder().locked(locked).build();
    }

    /** This account moved to the recycle bin ({@code true}) or restored from it ({@code false}). */
    public Account withVoided(boolean voided) {
        return toBuilder().voided(voided).build();
    }

    private static Instant later(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Builds an {@link Account}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private AccountId id;
        private TenantId tenantId;
        private String name;
        private String level;
        private String source;
        private DealStatus dealStatus = DealStatus.NOT_YET;
        private List<Address> addresses = List.of();
        private FinancialInfo financialInfo;
        private String registryId;
        private String phone;
        private String email;
        private String website;
        private PoolId poolId;
        private List<TeamMember> teamMembers = List.of();
        private Instant lastFollowUpAt;
        private Instant lastDealAt;
        private Instant recycleDeferredUntil;
        private boolean locked;
        private boolean voided;
        private Instant ownedSince;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link Account#id()}. */
        public Builder id(AccountId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link Account#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link Account#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link Account#level()}. */
        public Builder level(String level) {
            this.level = level;
            return this;
        }

        /** Sets {@link Account#source()}. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Sets {@link Account#dealStatus()}. */
        public Builder dealStatus(DealStatus dealStatus) {
            this.dealStatus = dealStatus;
            return this;
        }

        /** Sets {@link Account#addresses()}. */
        public Builder addresses(List<Address> addresses) {
            this.addresses = addresses;
            return this;
        }

        /** Sets {@link Account#financialInfo()}. */
        public Builder financialInfo(FinancialInfo financialInfo) {
            this.financialInfo = financialInfo;
            return this;
        }

        /** Sets {@link Account#registryId()}. */
        public Builder registryId(String registryId) {
            this.registryId = registryId;
            return this;
        }

        /** Sets {@link Account#phone()}. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Sets {@link Account#email()}. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Sets {@link Account#website()}. */
        public Builder website(String website) {
            this.website = website;
            return this;
        }

        /** Sets {@link Account#poolId()}. */
        public Builder poolId(PoolId poolId) {
            this.poolId = poolId;
            return this;
        }

        /** Sets {@link Account#teamMembers()}. */
        public Builder teamMembers(List<TeamMember> teamMembers) {
            this.teamMembers = teamMembers;
            return this;
        }

        /** Sets {@link Account#lastFollowUpAt()}. */
        public Builder lastFollowUpAt(Instant lastFollowUpAt) {
            this.lastFollowUpAt = lastFollowUpAt;
            return this;
        }

        /** Sets {@link Account#recycleDeferredUntil()}. */
        public Builder recycleDeferredUntil(Instant recycleDeferredUntil) {
            this.recycleDeferredUntil = recycleDeferredUntil;
            return this;
        }

        /** Sets {@link Account#lastDealAt()}. */
        public Builder lastDealAt(Instant lastDealAt) {
            this.lastDealAt = lastDealAt;
            return this;
        }

        /** Sets {@link Account#locked()}. */
        public Builder locked(boolean locked) {
            this.locked = locked;
            return this;
        }

        /** Sets {@link Account#voided()}. */
        public Builder voided(boolean voided) {
            this.voided = voided;
            return this;
        }

        /** Sets {@link Account#ownedSince()}. */
        public Builder ownedSince(Instant ownedSince) {
            this.ownedSince = ownedSince;
            return this;
        }

        /** Sets {@link Account#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link Account#customFields()}. */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets {@link Account#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link Account#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link Account#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The account.
         *
         * @throws ValidationException if a structural invariant of {@link Account} does not hold
         */
        public Account build() {
            return new Account(id, tenantId, name, level, source, dealStatus, addresses, financialInfo, registryId,
                    phone, email, website, poolId, teamMembers, lastFollowUpAt, lastDealAt, recycleDeferredUntil,
                    locked, voided,
                    ownedSince, owner, customFields, version, createdAt, updatedAt, null, null, null, null);
        }
    }
}
