package io.crmkit.rules.pool;

/**
 * The stable names of the pool rules, as {@link io.crmkit.core.error.RuleViolationException#rule()}
 * carries them (and as the reason of a {@link io.crmkit.core.error.ForbiddenException} starts with
 * them). A host may switch on them to tell its user why a claim, assignment, return or transfer was
 * refused.
 */
public final class PoolRuleNames {
    /** The actor is not a member of the pool (forbidden). */
    public static final String NOT_MEMBER = "pool.not-member";
    /** Only the pool's admins assign its records; members may not claim them (forbidden). */
    public static final String ADMINS_ASSIGN_ONLY = "pool.admins-assign-only";
    /** Only the pool's admins (or a tenant admin) may do this (forbidden). */
    public static final String NOT_ADMIN = "pool.not-admin";
    /** The assignee is not a member of the pool. */
    public static final String ASSIGNEE_NOT_MEMBER = "pool.assignee-not-member";
    /** The record already has an owner (or already belongs to the assignee). */
    public static final String ALREADY_OWNED = "pool.already-owned";
    /** The record has no owner, so it cannot be returned. */
    public static final String NOT_OWNED = "pool.not-owned";
    /** The record is in no pool. */
    public static final String NO_POOL = "pool.no-pool";
    /** The member holds as many of the pool's records as the holding limit allows; limit: the maximum. */
    public static final String HOLDING_LIMIT = "pool.holding-limit";
    /** The member claimed as many records from the pool today as allowed; limit: the daily maximum. */
    public static final String DAILY_CLAIM_LIMIT = "pool.daily-claim-limit";
    /** The record entered the pool too recently to be claimed; limit: the wait. */
    public static final String NOT_YET_CLAIMABLE = "pool.not-yet-claimable";
    /** The member returned the record (or it was recycled from them) too recently; limit: the days. */
    public static final String RECLAIM_COOLDOWN = "pool.reclaim-cooldown";
    /** The pool does not allow replacing the owner of an owned record. */
    public static final String FORCED_OWNER_CHANGE = "pool.forced-owner-change";
    /** The pool does not let a record's owner transfer it to another pool. */
    public static final String TRANSFER_NOT_ALLOWED = "pool.transfer-not-allowed";
    /** The record is already in the target pool. */
    public static final String SAME_POOL = "pool.same-pool";
    /** The pool takes its records back only itself: returns go to the pool of origin. */
    public static final String RETURN_ONLY_TO_ORIGIN = "pool.return-only-to-origin";
    /** The pool does not let the caller choose the pool a record is returned to. */
    public static final String RETURN_POOL_FIXED = "pool.return-pool-fixed";

    private PoolRuleNames() {}
}
