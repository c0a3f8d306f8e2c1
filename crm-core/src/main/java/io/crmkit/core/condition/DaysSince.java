package io.crmkit.core.condition;

import io.crmkit.core.internal.Checks;

/**
 * True when at least {@code days} calendar days (in the tenant's time zone) have passed since the
 * instant in {@code field}, for example "no follow-up for 15 days":
 * {@code Condition.daysSince("lastFollowUpAt", 15)}.
 *
 * <p><b>An empty field matches.</b> A record that was never followed up has gone without follow-up
 * for as long as it exists, so "15 days without follow-up" must catch it too; treating the empty
 * field as "no match" would let never-touched records escape every recycle rule. Combine with
 * {@code isNotNull(field)} where an empty field must not match.
 *
 * @param field the name of an instant field: a standard field such as {@code lastFollowUpAt} or
 *     {@code lastDealAt}, or {@code custom.<name>} for a timestamp custom field
 * @param days the number of days, 0 to {@link #MAX_DAYS}; 0 matches every record
 */
public record DaysSince(String field, int days) implements Condition {
    /** The largest number of days a condition may name (about a hundred years). */
    public static final int MAX_DAYS = 36_500;

    /**
     * Validates the field name and the days.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is malformed or
     *     {@code days} is outside 0 to {@link #MAX_DAYS}
     */
    public DaysSince {
        FieldNames.require("field", field);
        Checks.range("days", days, 0, MAX_DAYS);
    }
}
