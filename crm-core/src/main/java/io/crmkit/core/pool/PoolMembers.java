package io.crmkit.core.pool;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import java.util.Set;

/**
 * Who is a member of a pool: users named directly, and everyone in the named departments. Members
 * see the pool (and, where the claim policy allows, claim from it); pools isolate their records
 * from everyone else. A pool's admins are listed on the pool itself, not here.
 *
 * @param users users who are members in person; never null
 * @param departments departments whose users are members; never null
 */
public record PoolMembers(Set<UserId> users, Set<DepartmentId> departments) {
    private static final PoolMembers NONE = new PoolMembers(Set.of(), Set.of());

    /** Copies both sets (null means empty). */
    public PoolMembers {
        users = Checks.set("users", users);
        departments = Checks.set("departments", departments);
    }

    /** No members. */
    public static PoolMembers none() {
        return NONE;
    }

    /** The users {@code users}, and no departments. */
    public static PoolMembers ofUsers(UserId... users) {
        return new PoolMembers(Set.of(users), Set.of());
    }

    /** Everyone in {@code departments}, and no individual users. */
    public static PoolMembers ofDepartments(DepartmentId... departments) {
        return new PoolMembers(Set.of(), Set.of(departments));
    }

    /** Whether {@code actor} is a member: named in person or belonging to a named department. */
    public boolean includes(Actor actor) {
        Checks.required("actor", actor);
        if (users.contains(actor.userId())) {
            return true;
        }
        for (DepartmentId department : actor.departments()) {
            if (departments.contains(department)) {
                return true;
            }
        }
        return false;
    }

    /** Whether nobody is a member. */
    @JsonIgnore
    public boolean isEmpty() {
        return users.isEmpty() && departments.isEmpty();
    }
}
