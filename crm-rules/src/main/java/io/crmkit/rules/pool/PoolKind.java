package io.crmkit.rules.pool;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.Owned;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.internal.CommandContext;

/**
 * What the {@link PoolEngine} needs to know about one kind of pool and the records it holds: leads
 * in lead pools, accounts in public pools. Everything else about pools is the same for both.
 *
 * <p>The engine reads a record's history from the change log by field name: an entry whose diff
 * sets {@link #poolField()} to the pool, or clears {@link #ownerField()}, put the record (unowned)
 * into a pool; an entry that clears the owner released the record from that owner. So the record
 * type must log those two fields under these names, whichever action (create, return, recycle,
 * transfer, ...) changes them.
 *
 * @param <R> the record type
 * @param <P> the pool's id type
 */
public interface PoolKind<R extends Aggregate<?> & Owned, P extends RecordId> {

    /** The type of the records, for change-log references ({@code LEAD}, {@code ACCOUNT}). */
    RecordType recordType();

    /** The type of the pool, for the pool log's context ({@code LEAD_POOL}, {@code POOL}). */
    RecordType poolType();

    /**
     * The change-log action of a claim, for example {@code lead.claim}: the daily claim limit counts
     * these entries, by the member, in the pool, since the start of the tenant's day.
     */
    String claimAction();

    /** The record's owner field in change-log diffs. */
    default String ownerField() {
        return "owner";
    }

    /** The record's pool field in change-log diffs. */
    default String poolField() {
        return "poolId";
    }

    /**
     * How many of the pool's records {@code member} holds for the holding limit, counted set-based in
     * the command's transaction (so it sees the command's own writes), honouring
     * {@link PoolRules#wonRecordsCount()} where the record type has won records.
     */
    long countHeld(CommandContext command, P pool, UserId member, PoolRules rules);
}
