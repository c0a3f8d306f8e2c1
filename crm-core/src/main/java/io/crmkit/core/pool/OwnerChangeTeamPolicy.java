package io.crmkit.core.pool;

/** What happens to the former owner's team members when a record's owner changes. */
public enum OwnerChangeTeamPolicy {
    /** The team members stay on the record. */
    KEEP_TEAM,
    /** The team is cleared; the new owner builds their own. */
    CLEAR_TEAM
}
