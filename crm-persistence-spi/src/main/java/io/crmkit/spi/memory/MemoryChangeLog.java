package io.crmkit.spi.memory;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.ChangeLogEntryId;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.activity.ChangeLogStore;
import io.crmkit.spi.query.ChangeLogQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * The change log as one transaction sees it: the committed entries ({@link Committed}) plus the
 * ones this transaction appended, which join the committed log at commit.
 */
final class MemoryChangeLog implements ChangeLogStore, Participant {
    private final Committed committed;
    private final MemoryTransaction tx;
    private final Map<TenantId, LogIndex> appended = new HashMap<>();

    MemoryChangeLog(Committed committed, MemoryTransaction tx) {
        this.committed = committed;
        this.tx = tx;
    }

    @Override
    public ChangeLogEntryId nextId() {
        tx.checkOpen();
        return ChangeLogEntryId.of(tx.ids().nextId());
    }

    @Override
    public void append(ChangeLogEntry entry) {
        tx.checkOpen();
        Checks.required("entry", entry);
        TenantId tenant = entry.tenantId();
        String id = entry.id().value();
        LogIndex ours = appended.get(tenant);
        if (committed.of(tenant).contains(id) || (ours != null && ours.contains(id))) {
            throw new DuplicateRecordException(RecordType.CHANGE_LOG_ENTRY.name(), id);
        }
        if (appended.isEmpty()) {
            tx.enlist(this);
        }
        appended.computeIfAbsent(tenant, t -> new LogIndex()).add(entry);
    }

    @Override
    public Page<ChangeLogEntry> ofRecord(TenantId tenant, RecordRef record, PageRequest page) {
        Checks.required("record", record);
        return newestFirst(tenant, page, index -> index.ofRecord(record));
    }

    @Override
    public Page<ChangeLogEntry> ofContext(TenantId tenant, RecordRef context, PageRequest page) {
        Checks.required("context", context);
        return newestFirst(tenant, page, index -> index.ofContext(context));
    }

    @Override
    public long count(TenantId tenant, ChangeLogQuery query) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("query", query);
        // Read the narrowest index the query allows, then only the entries of its time window.
        Function<LogIndex, NavigableMap<LogIndex.Key, ChangeLogEntry>> select = query.record() != null
                ? index -> index.ofRecord(query.record())
                : query.context() != null ? index -> index.ofContext(query.context()) : LogIndex::all;
        long count = 0;
        for (LogIndex index : indexes(tenant)) {
            NavigableMap<LogIndex.Key, ChangeLogEntry> window =
                    select.apply(index).subMap(LogIndex.Key.first(query.from()), true, LogIndex.Key.first(query.to()), false);
            for (ChangeLogEntry entry : window.values()) {
                if (entry.action().equals(query.action())
                        && (query.context() == null || query.context().equals(entry.context()))
                        && (query.actor() == null || query.actor().equals(entry.actor()))
                        && (query.record() == null || query.record().equals(entry.record()))) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public void validate() {
        for (Map.Entry<TenantId, LogIndex> tenantEntries : appended.entrySet()) {
            LogIndex log = committed.of(tenantEntries.getKey());
            for (ChangeLogEntry entry : tenantEntries.getValue().entries()) {
                // Only a nested transaction that committed meanwhile can have taken the id.
                if (log.contains(entry.id().value())) {
                    throw new ConcurrentModificationException(RecordType.CHANGE_LOG_ENTRY.name(), entry.id().value(), 0);
                }
            }
        }
    }

    @Override
    public void apply() {
        for (Map.Entry<TenantId, LogIndex> tenantEntries : appended.entrySet()) {
            LogIndex log = committed.writable(tenantEntries.getKey());
            for (ChangeLogEntry entry : tenantEntries.getValue().entries()) {
                log.add(entry);
            }
        }
    }

    private List<LogIndex> indexes(TenantId tenant) {
        LogIndex ours = appended.get(tenant);
        return ours == null ? List.of(committed.of(tenant)) : List.of(committed.of(tenant), ours);
    }

    /** One page of the entries {@code select} picks from each index, newest first (time, then id, descending). */
    private Page<ChangeLogEntry> newestFirst(
            TenantId tenant, PageRequest page, Function<LogIndex, NavigableMap<LogIndex.Key, ChangeLogEntry>> select) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("page", page);
        LogIndex.Key after = page.after() == null ? null : LogIndex.Key.parse(page.after());
        LogIndex ours = appended.get(tenant);
        Iterator<ChangeLogEntry> a = descending(select.apply(committed.of(tenant)), after);
        Iterator<ChangeLogEntry> b = ours == null ? List.<ChangeLogEntry>of().iterator() : descending(select.apply(ours), after);
        ChangeLogEntry x = a.hasNext() ? a.next() : null;
        ChangeLogEntry y = b.hasNext() ? b.next() : null;
        List<ChangeLogEntry> items = new ArrayList<>();
        while ((x != null || y != null) && items.size() <= page.limit()) {
            // Both sides are newest first; the two never hold the same entry (ids are unique).
            if (y == null || (x != null && LogIndex.Key.of(x).compareTo(LogIndex.Key.of(y)) > 0)) {
                items.add(x);
                x = a.hasNext() ? a.next() : null;
            } else {
                items.add(y);
                y = b.hasNext() ? b.next() : null;
            }
        }
        if (items.size() <= page.limit()) {
            return new Page<>(items, null);
        }
        List<ChangeLogEntry> pageItems = items.subList(0, page.limit());
        return new Page<>(pageItems, LogIndex.Key.of(pageItems.get(pageItems.size() - 1)).cursor());
    }

    private static Iterator<ChangeLogEntry> descending(NavigableMap<LogIndex.Key, ChangeLogEntry> entries, LogIndex.Key after) {
        NavigableMap<LogIndex.Key, ChangeLogEntry> older = after == null ? entries : entries.headMap(after, false);
        return older.descendingMap().values().iterator();
    }

    /** The committed change log of every tenant; accessed under the store's lock only. */
    static final class Committed {
        private static final LogIndex EMPTY = new LogIndex();

        private final Map<TenantId, LogIndex> tenants = new HashMap<>();

        LogIndex of(TenantId tenant) {
            return tenants.getOrDefault(tenant, EMPTY);
        }

        LogIndex writable(TenantId tenant) {
            return tenants.computeIfAbsent(tenant, t -> new LogIndex());
        }
    }
}
