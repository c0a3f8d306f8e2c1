package io.crmkit.spi.outbox;

import io.crmkit.core.internal.Checks;
import io.crmkit.spi.notify.Notification;
import java.time.Instant;

/**
 * A notification waiting in (or delivered from) the transactional outbox.
 *
 * @param id the entry's id
 * @param notification what to deliver
 * @param status where it is in its delivery
 * @param attempts how many deliveries have been tried and failed
 * @param nextAttemptAt the earliest time the next delivery may be tried
 * @param lastError the last failure's message, or null
 * @param leaseOwner the relay worker that holds the entry for delivery, or null
 * @param leaseUntil until when the lease holds, or null; after it, another worker may take the entry
 * @param deliveredAt when it was delivered, or null
 */
public record OutboxEntry(
        String id,
        Notification notification,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        String leaseOwner,
        Instant leaseUntil,
        Instant deliveredAt) {

    /** Validates the required parts. */
    public OutboxEntry {
        Checks.id("id", id);
        Checks.required("notification", notification);
        Checks.required("status", status);
        Checks.range("attempts", attempts, 0, Integer.MAX_VALUE);
        Checks.required("nextAttemptAt", nextAttemptAt);
    }
}
