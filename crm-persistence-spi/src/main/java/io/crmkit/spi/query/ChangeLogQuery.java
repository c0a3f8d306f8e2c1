package io.crmkit.spi.query;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import java.time.Instant;

/**
 * Which change-log entries to count, for example "claims by this member in this pool today": the
 * action {@code pool.claim}, the pool as context, the member as actor, from the start of the
 * tenant's day. Because the log is append-only, a claim followed by a return still counts, so a
 * daily limit cannot be reset by returning.
 *
 * @param action the action code to match exactly
 * @param context the pool (or other context) to match, or null for any
 * @param actor the acting user to match, or null for any
 * @param record the record to match, or null for any
 * @param from the earliest instant counted (inclusive)
 * @param to the instant counting stops (exclusive)
 */
public record ChangeLogQuery(String action, RecordRef context, UserId actor, RecordRef record, Instant from, Instant to) {
    /** Validates the action and the time window. */
    public ChangeLogQuery {
        Checks.text("action", action, 64);
        Checks.required("from", from);
        Checks.required("to", to);
        if (!to.isAfter(from)) {
            throw io.crmkit.core.error.ValidationException.of("to", io.crmkit.core.error.ErrorCode.FIELD_INVALID,
                    "the window must end after it starts");
        }
    }
}
