package io.crmkit.spi.outbox;

import io.crmkit.core.identity.TenantId;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox: notifications are appended in the transaction of the change that
 * caused them, so there is never a change without its notification or a notification without its
 * change, and a relay delivers them afterwards, at least once.
 *
 * <p>Leases make concurrent relays safe: {@link #claim} hands each pending entry to one worker until
 * its lease ends, so no entry is delivered by two workers at the same time; a worker that dies
 * simply lets its lease run out and another one takes the entry over.
 */
public interface Outbox {

    /**
     * Appends a notification as a PENDING entry, due at once. Idempotent per tenant and
     * {@link Notification#deduplicationKey()}: if the tenant's outbox already holds an entry with that
     * key (in any status), nothing is added and that entry is returned, so a sweep run twice notifies
     * nobody twice.
     *
     * @return the new entry, or the existing one with the same key
     */
    OutboxEntry append(Notification notification);

    /**
     * Leases up to {@code max} PENDING entries whose next attempt is due at {@code now} and which no
     * other worker holds (no lease, or a lease that ended), to {@code worker} until
     * {@code now + lease}. Oldest first (by next attempt, then id).
     *
     * @return the leased entries, with their new lease
     */
    List<OutboxEntry> claim(String worker, int max, Instant now, Duration lease);

    /**
     * Marks an entry DELIVERED, if {@code worker} still holds its lease.
     *
     * @return whether it was marked (false if the lease had passed to another worker)
     */
    boolean markDelivered(String id, String worker, Instant at);

    /**
     * Records a failed delivery: attempts + 1, the error kept, the lease released, and the entry due
     * again at {@code retryAt}, or PARKED when {@code park} is true. Only if {@code worker} still
     * holds the lease.
     *
     * @return whether it was recorded
     */
    boolean markFailed(String id, String worker, String error, Instant retryAt, boolean park);

    /** One page of the tenant's entries in {@code status}, by id. */
    Page<OutboxEntry> list(TenantId tenant, OutboxStatus status, PageRequest page);

    /**
     * Puts a PARKED entry back to PENDING, due at {@code at}, with its attempts reset (after an
     * operator fixed the cause).
     *
     * @return whether the entry was parked and is now pending
     */
    boolean retryParked(String id, Instant at);
}
