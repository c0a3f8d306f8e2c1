package io.crmkit.core.lead;

/**
 * Where a lead stands in its life cycle. The funnel runs NEW, FOLLOWING_UP, MQL, CONVERTED, but no
 * stage is mandatory; INVALID can be reached from any status but CONVERTED and undone. See
 * {@link LeadLifecycle} for every allowed move.
 */
public enum LeadStatus {
    /** Just created or imported; nobody has worked on it yet. */
    NEW,
    /** Someone is following it up. */
    FOLLOWING_UP,
    /** Marketing-qualified lead (市场认可线索). */
    MQL,
    /**
     * Converted into an account and contact, optionally an opportunity: the sales-qualified lead
     * (SQL, 销售认可线索). Final: no status action is allowed afterwards.
     */
    CONVERTED,
    /** Marked invalid with a reason; can be restored to the status it had before. */
    INVALID
}
