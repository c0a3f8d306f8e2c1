package io.crmkit.tck;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolId;
import io.crmkit.spi.CrmStore;

/** The claim the concurrency contract races: the shape the pool engine's claim has, reduced to its store calls. */
final class ConcurrentClaims {
    /** Tries of a claim whose every store retry lost; far more than any fair store needs. */
    private static final int MAX_TRIES = 100;

    private ConcurrentClaims() {}

    /** What one claim came to. */
    enum Outcome {
        /** This unit of work set the owner. */
        CLAIMED,
        /** Someone owned the account already. */
        ALREADY_OWNED,
        /** The member holds the maximum already. */
        LIMIT_REACHED
    }

    /** The holding limit a claim checks under the member's lock. */
    record HoldingLimit(PoolId pool, int max) {}

    /**
     * One claim in one unit of work: under the member's lock when a limit applies, check the holding,
     * read, skip if owned, set the owner and update. A lost optimistic race is retried by the store,
     * which re-runs the read; if even the store's retries are used up, the claim is tried again here,
     * since nothing was written.
     *
     * @param limit the holding limit, or null for none
     */
    static Outcome claim(CrmStore store, TenantId tenant, AccountId id, UserId member, HoldingLimit limit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.transact(tx -> {
                    if (limit != null) {
                        tx.lock("pool:" + limit.pool().value() + ":member:" + member.value());
                        long held = tx.accounts().countHeld(tenant, limit.pool(), member, true, TckFixtures.context());
                        if (held >= limit.max()) {
                            return Outcome.LIMIT_REACHED;
                        }
                    }
                    Account account = tx.accounts().get(tenant, id);
                    if (account.isOwned()) {
                        return Outcome.ALREADY_OWNED;
                    }
                    tx.accounts().update(account.withOwner(member, TckFixtures.BASE));
                    return Outcome.CLAIMED;
                });
            } catch (ConcurrentModificationException lostEveryRetry) {
                if (attempt >= MAX_TRIES) {
                    throw lostEveryRetry;
                }
            }
        }
    }
}
