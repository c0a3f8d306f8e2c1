package io.crmkit.spi.memory;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The one implementation of {@link RecordStore} for every kind of record, bound to one transaction:
 * reads see the committed {@link RecordTable} through this transaction's own writes, and writes
 * stay in this object until {@link #apply()} at commit. The per-area interfaces
 * ({@code AccountStore}, ...) are thin subclasses in {@link AreaStores}.
 *
 * @param <T> the record type
 * @param <I> its id type
 */
class MemoryRecordStore<T extends Aggregate<I>, I extends RecordId> implements RecordStore<T, I>, Participant {
    final RecordTable<T, I> table;
    final MemoryTransaction tx;

    /** Per tenant, id to what this transaction wrote. */
    private final Map<TenantId, TreeMap<String, Write<T>>> writes = new HashMap<>();
    /** Per tenant, unique key to the id of the record this transaction wrote with that key. */
    private final Map<TenantId, Map<String, String>> writtenKeys = new HashMap<>();

    private boolean enlisted;

    MemoryRecordStore(RecordTable<T, I> table, MemoryTransaction tx) {
        this.table = table;
        this.tx = tx;
    }

    @Override
    public RecordType recordType() {
        return table.type;
    }

    @Override
    public I nextId() {
        tx.checkOpen();
        return table.idOf(tx.ids().nextId());
    }

    @Override
    public Optional<T> find(TenantId tenant, I id) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("id", id);
        return Optional.ofNullable(current(tenant, id.value()));
    }

    @Override
    public T insert(T record) {
        tx.checkOpen();
        Checks.required("record", record);
        Checks.range("version", record.version(), 0, 0);
        TenantId tenant = record.tenantId();
        String id = record.id().value();
        if (current(tenant, id) != null) {
            throw new DuplicateRecordException(table.type.name(), id);
        }
        requireKeyFree(tenant, id, record);
        T stored = table.versions.withVersion(record, 1);
        write(tenant, id, stored);
        return stored;
    }

    @Override
    public T update(T record) {
        tx.checkOpen();
        Checks.required("record", record);
        TenantId tenant = record.tenantId();
        String id = record.id().value();
        T stored = requireVersion(tenant, id, record.version());
        requireKeyFree(tenant, id, record);
        T updated = table.versions.withVersion(record, stored.version() + 1);
        write(tenant, id, updated);
        return updated;
    }

    @Override
    public void delete(TenantId tenant, I id, long expectedVersion) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("id", id);
        requireVersion(tenant, id.value(), expectedVersion);
        write(tenant, id.value(), null);
    }

    @Override
    public Page<T> list(TenantId tenant, PageRequest page) {
        return query(tenant, null, null, page);
    }

    @Override
    public Page<T> query(TenantId tenant, Condition condition, QueryContext context, PageRequest page) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("page", page);
        Predicate<T> filter = filter(condition, context);
        List<T> items = new ArrayList<>();
        boolean[] more = {false};
        scan(tenant, page.after(), record -> {
            if (!filter.test(record)) {
                return true;
            }
            if (items.size() == page.limit()) {
                more[0] = true;
                return false;
            }
            items.add(record);
            return true;
        });
        return new Page<>(items, more[0] ? items.get(items.size() - 1).id().value() : null);
    }

    @Override
    public long count(TenantId tenant, Condition condition, QueryContext context) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Predicate<T> filter = filter(condition, context);
        long[] count = {0};
        scan(tenant, null, record -> {
            if (filter.test(record)) {
                count[0]++;
            }
            return true;
        });
        return count[0];
    }

    @Override
    public List<AggregateRow> aggregate(TenantId tenant, AggregateQuery query, QueryContext context) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("query", query);
        Checks.required("context", context);
        Aggregation aggregation = new Aggregation(table.asRecord, query, context);
        Predicate<T> filter = filter(query.filter(), context);
        scan(tenant, null, record -> {
            if (filter.test(record)) {
                aggregation.add((Record) record);
            }
            return true;
        });
        return aggregation.rows();
    }

    /** The tenant's record with {@code uniqueKey}, as this transaction sees it. */
    final Optional<T> findByUniqueKey(TenantId tenant, String uniqueKey) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        if (uniqueKey == null) {
            return Optional.empty();
        }
        String id = idWithKey(tenant, uniqueKey);
        return id == null ? Optional.empty() : Optional.ofNullable(current(tenant, id));
    }

    /**
     * Visits the tenant's records, as this transaction sees them, in id order after {@code after}
     * (from the start when null), until {@code visitor} returns false.
     */
    final void scan(TenantId tenant, String after, Predicate<T> visitor) {
        NavigableMap<String, Write<T>> written = writes.get(tenant);
        Overlay.scan(Overlay.after(table.rows(tenant), after),
                written == null ? Overlay.none() : Overlay.after(written, after), false, visitor);
    }

    /** The record as this transaction sees it, or null. */
    final T current(TenantId tenant, String id) {
        TreeMap<String, Write<T>> written = writes.get(tenant);
        Write<T> write = written == null ? null : written.get(id);
        return write != null ? write.value : table.get(tenant, id);
    }

    @Override
    public void validate() {
        for (Map.Entry<TenantId, TreeMap<String, Write<T>>> tenantWrites : writes.entrySet()) {
            TenantId tenant = tenantWrites.getKey();
            for (Map.Entry<String, Write<T>> row : tenantWrites.getValue().entrySet()) {
                String id = row.getKey();
                Write<T> write = row.getValue();
                if (table.get(tenant, id) != write.base) {
                    throw conflict(id, write);
                }
                String key = table.uniqueKeyOf(write.value);
                if (key != null) {
                    String holder = table.idWithKey(tenant, key);
                    // A committed record outside this transaction's writes took the key meanwhile.
                    if (holder != null && !holder.equals(id) && !tenantWrites.getValue().containsKey(holder)) {
                        throw conflict(id, write);
                    }
                }
            }
        }
    }

    @Override
    public void apply() {
        for (Map.Entry<TenantId, TreeMap<String, Write<T>>> tenantWrites : writes.entrySet()) {
            for (Map.Entry<String, Write<T>> row : tenantWrites.getValue().entrySet()) {
                table.put(tenantWrites.getKey(), row.getKey(), row.getValue().value);
            }
        }
    }

    private ConcurrentModificationException conflict(String id, Write<T> write) {
        return new ConcurrentModificationException(table.type.name(), id, write.base == null ? 0 : write.base.version());
    }

    private T requireVersion(TenantId tenant, String id, long expectedVersion) {
        T stored = current(tenant, id);
        if (stored == null) {
            throw new NotFoundException(table.type.name(), id);
        }
        if (stored.version() != expectedVersion) {
            throw new ConcurrentModificationException(table.type.name(), id, expectedVersion);
        }
        return stored;
    }

    private void requireKeyFree(TenantId tenant, String id, T record) {
        String key = table.uniqueKeyOf(record);
        if (key != null) {
            String holder = idWithKey(tenant, key);
            if (holder != null && !holder.equals(id)) {
                throw new DuplicateRecordException(table.type.name(), key);
            }
        }
    }

    /** The id of the record holding {@code key} as this transaction sees it, or null. */
    private String idWithKey(TenantId tenant, String key) {
        if (!table.hasUniqueKey()) {
            return null;
        }
        Map<String, String> ours = writtenKeys.get(tenant);
        String id = ours == null ? null : ours.get(key);
        if (id != null) {
            return id;
        }
        id = table.idWithKey(tenant, key);
        // A committed holder this transaction rewrote no longer has the key (else it would be in ours).
        TreeMap<String, Write<T>> written = writes.get(tenant);
        return id == null || (written != null && written.containsKey(id)) ? null : id;
    }

    private void write(TenantId tenant, String id, T value) {
        if (table.hasUniqueKey()) {
            Map<String, String> ours = writtenKeys.computeIfAbsent(tenant, t -> new HashMap<>());
            String oldKey = table.uniqueKeyOf(current(tenant, id));
            if (oldKey != null) {
                ours.remove(oldKey, id);
            }
            String newKey = table.uniqueKeyOf(value);
            if (newKey != null) {
                ours.put(newKey, id);
            }
        }
        TreeMap<String, Write<T>> written = writes.computeIfAbsent(tenant, Overlay::sorted);
        Write<T> write = written.get(id);
        if (write == null) {
            written.put(id, new Write<>(table.get(tenant, id), value));
            if (!enlisted) {
                enlisted = true;
                tx.enlist(this);
            }
        } else {
            write.value = value;
        }
    }

    private Predicate<T> filter(Condition condition, QueryContext context) {
        if (condition == null) {
            return record -> true;
        }
        Checks.required("context", context);
        // Checked up front, so a bad field is reported even when no record would be evaluated.
        ConditionEvaluator.check(condition, table.asRecord);
        return record -> ConditionEvaluator.matches(condition, (Record) record, context.now(), context.zone());
    }
}
