package io.crmkit.core.lead;

/** Why an owner returns a lead to its pool (退回原因). */
public enum LeadReturnReason {
    /** The person could not be reached. */
    UNREACHABLE,
    /** The person has no need. */
    NO_NEED,
    /** The person's need is one the company cannot meet. */
    CANNOT_MEET_NEED,
    /** Another reason, given as text by the caller. */
    OTHER
}
