package io.crmkit.core.record;

import io.crmkit.core.identity.TenantId;
import java.time.Instant;

/**
 * What every stored record has: a typed id, a tenant, an optimistic-locking version and its
 * creation and last-update instants.
 *
 * <p>Records are immutable values. A change produces a new value; a store writes it only if the
 * version it was read at is still current, and the stored copy then carries {@code version + 1}.
 *
 * @param <I> the record's id type
 */
public interface Aggregate<I extends RecordId> {
    /** The record's id, unique within its tenant and type. */
    I id();

    /** The tenant that owns the record. */
    TenantId tenantId();

    /** The version the record was read at; 0 for a record not yet stored. */
    long version();

    /** When the record was created. */
    Instant createdAt();

    /** When the record was last changed. */
    Instant updatedAt();
}
