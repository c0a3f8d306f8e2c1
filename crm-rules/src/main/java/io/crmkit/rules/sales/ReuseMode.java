package io.crmkit.rules.sales;

/**
 * What {@link QuoteCommands#reuse} does with the lines the target quote already has. The caller must
 * say it whenever the target has lines: a reuse never overwrites a quote silently.
 */
public enum ReuseMode {
    /** The target's lines are replaced by the source's, which keep their line numbers. */
    REPLACE,
    /** The source's lines are added after the target's, renumbered from the target's next line number. */
    APPEND
}
