package io.crmkit.rules.pool;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.Owned;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link PoolSweeper} needs to know about one kind of pool and its records (accounts in public
 * pools, leads in lead pools), as {@link PoolKind} is for the engine. The sweep itself (planning, paging,
 * one transaction per record, notifications and their keys) is the same for every kind.
 *
 * <p>Both record types share the field names the sweep queries: {@code poolId}, {@code owner},
 * {@code ownedSince}, {@code lastFollowUpAt}, {@code locked}, {@code voided}.
 *
 * @param <R> the record type
 */
interface SweepKind<R extends Aggregate<?> & Owned> {

    /** The type of the records, for change-log and notification references. */
    RecordType recordType();

    /** The change-log action of a recycle ({@code account.recycle}, {@code lead.recycle}). */
    String recycleAction();

    /**
     * What every de-duplication key of this kind starts with, so that an account and a lead with the
     * same id value never share a key: empty for accounts (their keys predate leads), {@code lead:} for
     * leads.
     */
    String keyPrefix();

    /** One page of the tenant's pools of this kind. */
    Page<SweepPool> pools(Transaction tx, TenantId tenant, PageRequest page);

    /** One page of the tenant's records matching {@code condition}. */
    Page<R> query(Transaction tx, TenantId tenant, Condition condition, QueryContext context, PageRequest page);

    /** The record as stored now. */
    Optional<R> reread(Transaction tx, TenantId tenant, R seen);

    /** Writes {@code record} (with the version it was read at). */
    R update(Transaction tx, R record);

    /** {@code before} back in {@code pool}, owner and ownership start cleared, as of {@code now}. */
    R recycled(R before, SweepPool pool, Instant now);

    /** When the current owner got the record. */
    Instant ownedSince(R record);

    /** The time inactivity under {@code basis} counts from (besides ownership), or null if never. */
    Instant basisAt(R record, InactivityBasis basis);

    /** The record field {@code basis} reads, for store conditions. */
    String basisField(InactivityBasis basis);

    /** The approved extension's end, or null; always null where the kind has no extensions. */
    Instant deferredUntil(R record);

    /** The field holding an approved extension's end, or null where the kind has none. */
    String deferredField();

    /** Whether the records have a {@code level} field, so per-level day limits apply. */
    boolean hasLevels();

    /** The record's team besides the owner (warned with the owner, reminded where configured). */
    Set<UserId> team(R record);

    /** The kind's own conditions on a recyclable record (accounts: not won unless configured). */
    List<Condition> recyclable(PoolRules rules);
}
