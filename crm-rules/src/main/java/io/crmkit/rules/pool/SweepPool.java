package io.crmkit.rules.pool;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import java.util.Set;

/**
 * A pool of any kind as the {@link PoolSweeper} sees it.
 *
 * @param ref the pool, as the change log's context
 * @param admins its admins (reminder recipients)
 * @param rules its rules
 */
record SweepPool(RecordRef ref, Set<UserId> admins, PoolRules rules) {
    /** The pool's id value, as records hold it in {@code poolId}. */
    String id() {
        return ref.id();
    }
}
