package io.crmkit.core.pool;

import io.crmkit.core.identity.UserId;
import java.util.Set;

/**
 * What a public pool of accounts ({@link Pool}, 公海) and a lead pool
 * ({@link io.crmkit.core.lead.LeadPool}, 线索池) share: DOMAIN.md says lead pools follow the same
 * model, so the pool engine works on this one shape whichever kind of record the pool holds. The two
 * stay distinct types (with distinct id types) so an account can never be put in a lead pool.
 */
public interface PoolDefinition {
    /** The pool's name. */
    String name();

    /** What the pool is for, or null. */
    String description();

    /** The pool's admins (rule group 1): at least one. */
    Set<UserId> admins();

    /** Who sees the pool (rule group 2). */
    PoolMembers members();

    /** Every other rule group (3 to 12). */
    PoolRules rules();

    /** Whether {@code user} is one of the pool's admins. */
    default boolean isAdmin(UserId user) {
        return admins().contains(user);
    }
}
