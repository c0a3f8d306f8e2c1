package io.crmkit.core.sales;

/** Where a contact stands on an opportunity (态度). */
public enum Stance {
    /** Supports the deal. */
    SUPPORTER,
    /** Neither for nor against, or not yet known. */
    NEUTRAL,
    /** Works against the deal. */
    OPPONENT
}
