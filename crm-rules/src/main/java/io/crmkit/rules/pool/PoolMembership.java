package io.crmkit.rules.pool;

import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.spi.directory.OrganisationDirectory;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is a member of one pool: users named in person, and the users of the named departments. A
 * user's departments are those the host's directory gives ({@code departmentsOf}, direct
 * memberships); for the acting user also those on the {@link Actor}. Answers are kept for the
 * command, so a batch asks the directory once per user.
 */
final class PoolMembership {
    private final PoolMembers members;
    private final OrganisationDirectory directory;
    private final TenantId tenant;
    private final Map<UserId, Boolean> byDepartment = new HashMap<>();

    PoolMembership(PoolMembers members, OrganisationDirectory directory, TenantId tenant) {
        this.members = members;
        this.directory = directory;
        this.tenant = tenant;
    }

    /** Whether {@code user} is a member, in person or through a department the directory knows. */
    boolean includes(UserId user) {
        if (members.users().contains(user)) {
            return true;
        }
        if (members.departments().isEmpty()) {
            return false;
        }
        return byDepartment.computeIfAbsent(user, this::inMemberDepartment);
    }

    /** Whether {@code actor} is a member: in person, through its own departments, or the directory's. */
    boolean includes(Actor actor) {
        return members.includes(actor) || includes(actor.userId());
    }

    private boolean inMemberDepartment(UserId user) {
        for (DepartmentId department : directory.departmentsOf(tenant, user)) {
            if (members.departments().contains(department)) {
                return true;
            }
        }
        return false;
    }
}
