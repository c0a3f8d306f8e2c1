package io.crmkit.core.lead;

/** The status actions on a lead; {@link LeadLifecycle} says which are allowed from which status. */
public enum LeadAction {
    /** Record that the lead is being followed up (NEW or FOLLOWING_UP to FOLLOWING_UP). */
    MARK_FOLLOWING_UP,
    /** Mark the lead marketing-qualified (NEW or FOLLOWING_UP to MQL). */
    MARK_MQL,
    /** Convert the lead into an account and contact, optionally an opportunity (to CONVERTED). */
    CONVERT,
    /** Mark the lead invalid with a reason (NEW, FOLLOWING_UP or MQL to INVALID). */
    MARK_INVALID,
    /** Undo {@link #MARK_INVALID}: back to the status the lead had before. */
    RESTORE
}
