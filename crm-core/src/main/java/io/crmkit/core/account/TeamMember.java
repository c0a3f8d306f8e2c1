package io.crmkit.core.account;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;

/**
 * A user who works on an account alongside its owner (相关团队).
 *
 * @param user the team member
 * @param access what the member may do with the account
 */
public record TeamMember(UserId user, TeamAccess access) {
    /**
     * Requires both parts.
     *
     * @throws io.crmkit.core.error.ValidationException if either is null
     */
    public TeamMember {
        Checks.required("user", user);
        Checks.required("access", access);
    }

    /** {@code user} with read-only access. */
    public static TeamMember readOnly(UserId user) {
        return new TeamMember(user, TeamAccess.READ_ONLY);
    }

    /** {@code user} with read-write access. */
    public static TeamMember readWrite(UserId user) {
        return new TeamMember(user, TeamAccess.READ_WRITE);
    }
}
