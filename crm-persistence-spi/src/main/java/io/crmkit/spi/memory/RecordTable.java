package io.crmkit.spi.memory;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The committed records of one kind: per tenant, id to record, sorted by id. Records are immutable,
 * so the table holds the very objects that were written and hands them out without copying.
 *
 * <p>Not thread-safe by itself: every access happens under the store's lock.
 *
 * @param <T> the record type
 * @param <I> its id type
 */
final class RecordTable<T extends Aggregate<I>, I extends RecordId> {
    final RecordType type;
    final Class<T> recordClass;
    /** The same class, typed for the condition evaluator and field readers. */
    final Class<? extends Record> asRecord;
    final VersionCopier<T> versions;
    private final Function<String, I> idOf;
    /** A unique key within a tenant (null values allowed and not unique), or null when the kind has none. */
    private final Function<T, String> uniqueKey;

    private final Map<TenantId, TreeMap<String, T>> rows = new HashMap<>();
    private final Map<TenantId, Map<String, String>> idsByUniqueKey = new HashMap<>();

    RecordTable(RecordType type, Class<T> recordClass, Function<String, I> idOf, Function<T, String> uniqueKey) {
        this.type = type;
        this.recordClass = recordClass;
        this.asRecord = recordClass.asSubclass(Record.class);
        this.versions = new VersionCopier<>(recordClass);
        this.idOf = idOf;
        this.uniqueKey = uniqueKey;
    }

    I idOf(String value) {
        return idOf.apply(value);
    }

    /** The unique key of {@code record}, or null when it has none or the kind has no unique key. */
    String uniqueKeyOf(T record) {
        return record == null || uniqueKey == null ? null : uniqueKey.apply(record);
    }

    boolean hasUniqueKey() {
        return uniqueKey != null;
    }

    T get(TenantId tenant, String id) {
        TreeMap<String, T> tenantRows = rows.get(tenant);
        return tenantRows == null ? null : tenantRows.get(id);
    }

    /** The tenant's records by id; read-only by convention. */
    NavigableMap<String, T> rows(TenantId tenant) {
        TreeMap<String, T> tenantRows = rows.get(tenant);
        return tenantRows == null ? Overlay.none() : tenantRows;
    }

    /** The id of the tenant's committed record holding unique key {@code key}, or null. */
    String idWithKey(TenantId tenant, String key) {
        Map<String, String> index = idsByUniqueKey.get(tenant);
        return index == null ? null : index.get(key);
    }

    /** Stores {@code value} (or removes the row when null), keeping the unique index in step. */
    void put(TenantId tenant, String id, T value) {
        TreeMap<String, T> tenantRows = rows.computeIfAbsent(tenant, Overlay::sorted);
        T old = value == null ? tenantRows.remove(id) : tenantRows.put(id, value);
        if (uniqueKey != null) {
            Map<String, String> index = idsByUniqueKey.computeIfAbsent(tenant, t -> new HashMap<>());
            String oldKey = uniqueKeyOf(old);
            // Only drop the mapping if it is still this row's: another row of the same commit may
            // already have taken the key over.
            if (oldKey != null) {
                index.remove(oldKey, id);
            }
            String newKey = uniqueKeyOf(value);
            if (newKey != null) {
                index.put(newKey, id);
            }
        }
    }
}
