package io.crmkit.core.pool;

/** Which kind of inactivity a recycle or reminder rule counts days of. */
public enum InactivityBasis {
    /** Days since the last follow-up (or since ever, when there was none). */
    NO_FOLLOW_UP,
    /** Days since the last deal (or since ever, when there was none). */
    NO_DEAL
}
