package io.crmkit.spi;

import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The moment and the time zone a query is evaluated in. "N days since" and calendar periods
 * (month, quarter, ...) depend on both: N days means N calendar days in the tenant's zone, and a
 * month is the tenant's month. The store never reads a clock or the system zone itself.
 *
 * @param now the current instant, from the caller's {@link java.time.Clock}
 * @param zone the tenant's time zone
 */
public record QueryContext(Instant now, ZoneId zone) {
    /** Validates both parts. */
    public QueryContext {
        Checks.required("now", now);
        Checks.required("zone", zone);
    }

    /** The tenant's calendar date at {@link #now()}. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }
}
