package io.crmkit.core.identity;

import io.crmkit.core.internal.Checks;
import java.util.Collection;
import java.util.Set;

/**
 * Who performs a command: a user of one tenant, with the roles and departments the host's
 * directory gives them. Every write in the library is done by an actor and checked against it.
 *
 * @param tenantId the tenant the actor acts in; the command can touch that tenant's records only
 * @param userId the acting user
 * @param roles the host's role names (for example {@code sales}, {@code admin}); never null
 * @param departments the departments the user belongs to; never null
 */
public record Actor(TenantId tenantId, UserId userId, Set<String> roles, Set<DepartmentId> departments) {

    /** Validates and copies the collections. */
    public Actor {
        Checks.required("tenantId", tenantId);
        Checks.required("userId", userId);
        roles = Checks.set("roles", roles);
        for (String role : roles) {
            Checks.text("roles[]", role, 64);
        }
        departments = Checks.set("departments", departments);
    }

    /** An actor with no roles and no departments. */
    public static Actor of(TenantId tenantId, UserId userId) {
        return new Actor(tenantId, userId, Set.of(), Set.of());
    }

    /** This actor with {@code roles} instead of its current ones. */
    public Actor withRoles(Collection<String> roles) {
        return new Actor(tenantId, userId, Set.copyOf(roles), departments);
    }

    /** This actor with {@code departments} instead of its current ones. */
    public Actor withDepartments(Collection<DepartmentId> departments) {
        return new Actor(tenantId, userId, roles, Set.copyOf(departments));
    }

    /** Whether the actor has {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the actor belongs to {@code department}. */
    public boolean belongsTo(DepartmentId department) {
        return departments.contains(department);
    }
}
