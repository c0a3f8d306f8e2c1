package io.crmkit.core.time;

/**
 * Calendar periods results can be grouped by, always in the tenant's time zone. Each has a stable
 * text key, so every store returns the same keys: DAY {@code 2026-03-05}, WEEK {@code 2026-W10}
 * (ISO week-based year and week), MONTH {@code 2026-03}, QUARTER {@code 2026-Q1}, YEAR {@code 2026}.
 */
public enum PeriodUnit {
    /** A calendar day: {@code 2026-03-05}. */
    DAY,
    /** An ISO week: {@code 2026-W10}. */
    WEEK,
    /** A calendar month: {@code 2026-03}. */
    MONTH,
    /** A calendar quarter: {@code 2026-Q1}. */
    QUARTER,
    /** A calendar year: {@code 2026}. */
    YEAR
}
