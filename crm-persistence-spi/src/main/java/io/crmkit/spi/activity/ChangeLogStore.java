package io.crmkit.spi.activity;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.ChangeLogEntryId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.query.ChangeLogQuery;

/**
 * The change log (变更记录) and, filtered by context, the pool log (公海日志): append-only. Entries
 * are written in the same transaction as the change they describe, so there is never a change
 * without its entry or an entry without its change.
 */
public interface ChangeLogStore {

    /** A new, unused, time-ordered id for an entry. */
    ChangeLogEntryId nextId();

    /**
     * Appends an entry.
     *
     * @throws io.crmkit.core.error.DuplicateRecordException if the tenant already has an entry with that id
     */
    void append(ChangeLogEntry entry);

    /** One page of the entries about {@code record} in {@code tenant}, newest first (by time, then id). */
    Page<ChangeLogEntry> ofRecord(TenantId tenant, RecordRef record, PageRequest page);

    /** One page of the entries whose context is {@code context} (the pool log), newest first. */
    Page<ChangeLogEntry> ofContext(TenantId tenant, RecordRef context, PageRequest page);

    /** How many entries of {@code tenant} match {@code query}, set-based. */
    long count(TenantId tenant, ChangeLogQuery query);
}
