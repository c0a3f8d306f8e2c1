package io.crmkit.spi;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import java.util.List;
import java.util.Optional;

/**
 * The store of one kind of aggregate, reached through a {@link Transaction}. Every method acts
 * inside that transaction: what it writes commits or rolls back with it, and what it reads sees the
 * transaction's own writes.
 *
 * <h2>Contract (the TCK checks every line)</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every read, count, update and aggregate is confined to one tenant: the
 *       {@code tenant} argument, or the record's {@link Aggregate#tenantId()}. A record of another
 *       tenant is invisible: {@link #find} returns empty and {@link #update} throws
 *       {@link NotFoundException}, exactly as if it did not exist.</li>
 *   <li><b>Versions.</b> A new record has version 0; {@link #insert} stores it as version 1. An
 *       update carries the version it was read at and stores version + 1, only if the stored
 *       version is still that one; otherwise nothing is written and
 *       {@link ConcurrentModificationException} (retryable) is thrown. A lost race is never a silent
 *       success.</li>
 *   <li><b>Values.</b> What {@link #find} returns equals what was last written, field for field
 *       (including custom fields), except the version the store set.</li>
 *   <li><b>Order and paging.</b> {@link #list} and {@link #query} return records ordered by id
 *       ascending (ids are time-ordered, so this is creation order), paged by key: a page never
 *       repeats or skips a record that existed throughout the paging.</li>
 *   <li><b>Conditions.</b> {@link #query}, {@link #count} and {@link #aggregate} evaluate a
 *       {@link Condition} with the semantics fixed on {@link Condition}, in the time zone and at the
 *       instant of the {@link QueryContext}; a SQL store compiles it to a WHERE clause with bound
 *       parameters, and never loads records to filter them.</li>
 * </ul>
 *
 * @param <T> the aggregate type
 * @param <I> its id type
 */
public interface RecordStore<T extends Aggregate<I>, I extends RecordId> {

    /** The kind of record this store holds. */
    RecordType recordType();

    /** A new, unused, time-ordered id for a record of this kind (from the store's {@link IdGenerator}). */
    I nextId();

    /**
     * The record with {@code id} in {@code tenant}.
     *
     * @return the record, or empty if there is none in that tenant
     */
    Optional<T> find(TenantId tenant, I id);

    /**
     * The record with {@code id} in {@code tenant}.
     *
     * @throws NotFoundException if there is none in that tenant
     */
    default T get(TenantId tenant, I id) {
        return find(tenant, id).orElseThrow(() -> new NotFoundException(recordType().name(), id.value()));
    }

    /**
     * Stores a new record.
     *
     * @param record a record with version 0
     * @return the stored record, version 1
     * @throws DuplicateRecordException if the tenant already has a record with that id, or the
     *     record breaks a unique key of its kind
     * @throws io.crmkit.core.error.ValidationException if the version is not 0
     */
    T insert(T record);

    /**
     * Replaces a stored record, if nobody changed it since it was read.
     *
     * @param record the new value, carrying the version it was read at
     * @return the stored record, with version + 1
     * @throws ConcurrentModificationException if the stored version is no longer the record's
     * @throws NotFoundException if the tenant has no such record
     * @throws DuplicateRecordException if the new value breaks a unique key of its kind (for example
     *     a payment's external reference already held by another payment)
     */
    T update(T record);

    /**
     * Removes a record, if nobody changed it since it was read. (CRM records are normally voided,
     * not deleted; this is for data the host must erase.)
     *
     * @throws ConcurrentModificationException if the stored version is not {@code expectedVersion}
     * @throws NotFoundException if the tenant has no such record
     */
    void delete(TenantId tenant, I id, long expectedVersion);

    /** One page of the tenant's records, ordered by id ascending. */
    Page<T> list(TenantId tenant, PageRequest page);

    /**
     * One page of the tenant's records matching {@code condition}, ordered by id ascending.
     *
     * @throws io.crmkit.core.error.ValidationException if the condition names a field this record
     *     type does not have, or compares it with a value of the wrong kind
     */
    Page<T> query(TenantId tenant, Condition condition, QueryContext context, PageRequest page);

    /**
     * How many of the tenant's records match {@code condition} (null: all of them).
     *
     * @throws io.crmkit.core.error.ValidationException as {@link #query}
     */
    long count(TenantId tenant, Condition condition, QueryContext context);

    /**
     * Groups, counts and sums the tenant's records as {@code query} says, set-based. With no group
     * keys the result is one row holding the count (0 when nothing matches) and the sums (zero), or
     * no row at all when nothing matches; a caller must accept both.
     *
     * @return the rows, ordered as {@link AggregateRow} says
     * @throws io.crmkit.core.error.ValidationException if a field is unknown, cannot be grouped by
     *     period (not a date or instant), or cannot be summed (not money or a number)
     */
    List<AggregateRow> aggregate(TenantId tenant, AggregateQuery query, QueryContext context);
}
