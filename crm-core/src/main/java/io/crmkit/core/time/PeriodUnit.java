package io.crmkit.core.time;

import io.crmkit.core.internal.Checks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar periods results can be grouped by, always in the tenant's time zone. Each has a stable
 * text key, so every store returns the same keys: DAY {@code 2026-03-05}, WEEK {@code 2026-W10}
 * (ISO week-based year and week), MONTH {@code 2026-03}, QUARTER {@code 2026-Q1}, YEAR {@code 2026}.
 *
 * <p>Years are written as {@link LocalDate#toString()} writes them: four digits, zero-padded
 * ({@code 0999}), with a sign only before year 0 or after 9999. Keys of one unit therefore sort
 * chronologically as text within years 0 to 9999.
 */
public enum PeriodUnit {
    /** A calendar day: {@code 2026-03-05}. */
    DAY,
    /** An ISO week, Monday to Sunday, keyed by its week-based year: {@code 2026-W10}, {@code 2026-W53}. */
    WEEK,
    /** A calendar month: {@code 2026-03}. */
    MONTH,
    /** A calendar quarter (Q1 is January to March): {@code 2026-Q1}. */
    QUARTER,
    /** A calendar year: {@code 2026}. */
    YEAR;

    /**
     * The key of the period that contains {@code date}.
     *
     * <p>For WEEK the year is the ISO week-based year, which differs from the calendar year around
     * New Year: 2027-01-01 is in {@code 2026-W53}, 2024-12-30 in {@code 2025-W01}.
     *
     * @param date the calendar date
     * @return the period's key, for example {@code 2026-W10}
     * @throws io.crmkit.core.error.ValidationException with code {@code field.required} if
     *     {@code date} is null
     */
    public String keyOf(LocalDate date) {
        Checks.required("date", date);
        return switch (this) {
            case DAY -> date.toString();
            case WEEK -> year(date.get(IsoFields.WEEK_BASED_YEAR)) + "-W"
                    + twoDigits(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> year(date.getYear()) + "-" + twoDigits(date.getMonthValue());
            case QUARTER -> year(date.getYear()) + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> year(date.getYear());
        };
    }

    /**
     * The key of the period that contains {@code instant} on the calendar of {@code zone} (the
     * tenant's zone): the same instant may fall on different days, weeks or years in two zones.
     *
     * @param instant the instant
     * @param zone the time zone whose calendar decides the day
     * @return the period's key, as {@link #keyOf(LocalDate)} of the instant's date in {@code zone}
     * @throws io.crmkit.core.error.ValidationException with code {@code field.required} if an
     *     argument is null
     */
    public String keyOf(Instant instant, ZoneId zone) {
        Checks.required("instant", instant);
        Checks.required("zone", zone);
        return keyOf(LocalDate.ofInstant(instant, zone));
    }

    /**
     * The first day of the period that contains {@code date}: the day itself, the Monday of its ISO
     * week, the first of its month, quarter or year.
     *
     * @param date the calendar date
     * @return the first day of its period, never after {@code date}
     * @throws io.crmkit.core.error.ValidationException with code {@code field.required} if
     *     {@code date} is null
     */
    public LocalDate startOf(LocalDate date) {
        Checks.required("date", date);
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** A year as LocalDate#toString writes it, so DAY keys and the others agree. */
    private static String year(int year) {
        int abs = Math.abs(year);
        if (abs < 1000) {
            String digits = Integer.toString(abs + 10_000).substring(1);
            return year < 0 ? "-" + digits : digits;
        }
        return year > 9999 ? "+" + year : Integer.toString(year);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
