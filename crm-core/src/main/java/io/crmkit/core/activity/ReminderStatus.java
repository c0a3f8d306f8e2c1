package io.crmkit.core.activity;

/** Where a reminder is in its short life: it is sent or cancelled at most once. */
public enum ReminderStatus {
    /** Waiting for its due time. */
    PENDING,
    /** Handed to the notification sink. */
    SENT,
    /** Withdrawn before it was sent. */
    CANCELLED
}
