package io.crmkit.core.pool;

/** Who may take a record out of a pool. */
public enum ClaimPolicy {
    /** Members claim records themselves; admins may also assign them. */
    MEMBERS_CLAIM,
    /**
     * Only admins assign records to members. Members then do not see the pool's records at all, so
     * nobody can cherry-pick from a pool whose records are meant to be distributed.
     */
    ADMINS_ASSIGN_ONLY
}
