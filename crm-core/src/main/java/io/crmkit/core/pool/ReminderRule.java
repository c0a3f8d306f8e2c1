package io.crmkit.core.pool;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.util.Set;

/**
 * A reminder rule: notify {@link #recipients()} when a record of the pool has had no follow-up (or
 * no deal) for {@link #days()} days. Unlike a {@link RecycleRule} it never moves the record.
 *
 * @param id the rule's id, unique within the pool (letters, digits and {@code . _ : -})
 * @param basis what kind of inactivity is counted
 * @param days days of inactivity after which the reminder goes out, 1 to {@link PoolRules#MAX_DAYS}
 * @param recipients who is notified; at least one
 */
public record ReminderRule(String id, InactivityBasis basis, int days, Set<ReminderRecipient> recipients) {
    /**
     * Validates every part.
     *
     * @throws ValidationException if a part is missing, {@code days} is out of range or there is no
     *     recipient
     */
    public ReminderRule {
        Checks.id("id", id);
        Checks.required("basis", basis);
        Checks.range("days", days, 1, PoolRules.MAX_DAYS);
        recipients = Checks.set("recipients", recipients);
        if (recipients.isEmpty()) {
            throw ValidationException.of("recipients", ErrorCode.FIELD_REQUIRED);
        }
    }

    /** A rule notifying {@code recipients} after {@code days} days of {@code basis}. */
    public static ReminderRule of(String id, InactivityBasis basis, int days, ReminderRecipient... recipients) {
        return new ReminderRule(id, basis, days, Set.of(recipients));
    }
}
