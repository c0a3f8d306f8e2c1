package io.crmkit.core.lead;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.pool.PoolDefinition;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.Aggregate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A lead pool (线索池): a shared queue of leads without an owner, which members claim or admins assign
 * under the pool's {@link PoolRules}, the same rule model as a public pool of accounts (typically
 * with much higher holding limits). Leads point at their pool; the pool does not list them.
 *
 * @param id the pool's id
 * @param tenantId the owning tenant
 * @param name the pool's name, required, at most {@value #MAX_NAME} characters; stored stripped
 * @param description what the pool is for, at most {@value #MAX_DESCRIPTION} characters, or null
 * @param admins the pool's admins (group 1): at least one; they see everything in the pool, add
 *     records and assign them
 * @param members who sees the pool (group 2)
 * @param rules every other rule group
 * @param version the optimistic-locking version
 * @param createdAt when the pool was created
 * @param updatedAt when the pool last changed
 */
public record LeadPool(
        LeadPoolId id,
        TenantId tenantId,
        @NotBlank @Size(max = LeadPool.MAX_NAME) String name,
        @Size(max = LeadPool.MAX_DESCRIPTION) String description,
        Set<UserId> admins,
        PoolMembers members,
        PoolRules rules,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<LeadPoolId>, PoolDefinition {

    /** Longest pool name. */
    public static final int MAX_NAME = 100;

    /** Longest description. */
    public static final int MAX_DESCRIPTION = 2000;

    /**
     * Checks the structure; name and description lengths are content rules reported by
     * {@link io.crmkit.core.validation.CrmValidation}.
     *
     * @throws ValidationException if a required part is missing, there is no admin, or the version
     *     is negative
     */
    public LeadPool {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        name = Checks.optionalText("name", name, Integer.MAX_VALUE);
        description = Checks.optionalText("description", description, Integer.MAX_VALUE);
        admins = Checks.set("admins", admins);
        if (admins.isEmpty()) {
            throw ValidationException.of("admins", ErrorCode.FIELD_REQUIRED);
        }
        members = members == null ? PoolMembers.none() : members;
        Checks.required("rules", rules);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    /** A builder with default rules, no members, version 0; id, tenant, name, an admin and times must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this pool's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .tenantId(tenantId)
                .name(name)
                .description(description)
                .admins(admins)
                .members(members)
                .rules(rules)
                .version(version)
                .createdAt(createdAt)
                .updatedAt(updatedAt);
    }

    /** Builds a {@link LeadPool}; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private LeadPoolId id;
        private TenantId tenantId;
        private String name;
        private String description;
        private Set<UserId> admins = new LinkedHashSet<>();
        private PoolMembers members = PoolMembers.none();
        private PoolRules rules = PoolRules.defaults();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link LeadPool#id()}. */
        public Builder id(LeadPoolId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link LeadPool#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link LeadPool#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link LeadPool#description()}. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Replaces {@link LeadPool#admins()}; null means none. */
        public Builder admins(Collection<UserId> admins) {
            this.admins = admins == null ? new LinkedHashSet<>() : new LinkedHashSet<>(admins);
            return this;
        }

        /** Adds one admin, keeping the others. */
        public Builder addAdmin(UserId admin) {
            this.admins.add(admin);
            return this;
        }

        /** Sets {@link LeadPool#members()}. */
        public Builder members(PoolMembers members) {
            this.members = members;
            return this;
        }

        /** Sets {@link LeadPool#rules()}. */
        public Builder rules(PoolRules rules) {
            this.rules = rules;
            return this;
        }

        /** Sets {@link LeadPool#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link LeadPool#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link LeadPool#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The pool.
         *
         * @throws ValidationException as the constructor does
         */
        public LeadPool build() {
            return new LeadPool(id, tenantId, name, description, admins, members, rules, version, createdAt, updatedAt);
        }
    }
}
