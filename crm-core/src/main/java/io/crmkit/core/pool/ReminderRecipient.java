package io.crmkit.core.pool;

/** Who a pool's reminder rule notifies. */
public enum ReminderRecipient {
    /** The record's owner. */
    OWNER,
    /** The record's team members. */
    TEAM,
    /** The pool's admins. */
    ADMINS
}
