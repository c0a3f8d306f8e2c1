package io.crmkit.spi.directory;

import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * The host's organisation: which users belong to which departments, and who manages whom. The
 * library asks it to resolve pool members given as departments, and to find whom to tell (an
 * owner's manager, say). Implemented by the host; it should be fast (the host caches) because rules
 * consult it on every command.
 */
public interface OrganisationDirectory {

    /** The departments {@code user} belongs to, directly; empty for an unknown user. */
    Set<DepartmentId> departmentsOf(TenantId tenant, UserId user);

    /**
     * The users of {@code department}, with those of its sub-departments when
     * {@code includeSubDepartments}; empty for an unknown department.
     */
    Set<UserId> membersOf(TenantId tenant, DepartmentId department, boolean includeSubDepartments);

    /** {@code user}'s manager, if the host knows one. */
    Optional<UserId> managerOf(TenantId tenant, UserId user);

    /** Whether {@code user} exists and is active (a departed employee is not). */
    boolean isActive(TenantId tenant, UserId user);
}
