package io.crmkit.spi.memory;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.record.RecordRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One tenant's change-log entries (committed ones, or those a transaction appended), sorted by
 * time then id, with the same order per record and per context so the record history and the pool
 * log read only their own entries.
 */
final class LogIndex {
    private final Map<String, ChangeLogEntry> byId = new HashMap<>();
    private final TreeMap<Key, ChangeLogEntry> all = new TreeMap<>();
    private final Map<RecordRef, TreeMap<Key, ChangeLogEntry>> byRecord = new HashMap<>();
    private final Map<RecordRef, TreeMap<Key, ChangeLogEntry>> byContext = new HashMap<>();

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    Iterable<ChangeLogEntry> entries() {
        return all.values();
    }

    void add(ChangeLogEntry entry) {
        Key key = Key.of(entry);
        byId.put(entry.id().value(), entry);
        all.put(key, entry);
        byRecord.computeIfAbsent(entry.record(), Overlay::sorted).put(key, entry);
        if (entry.context() != null) {
            byContext.computeIfAbsent(entry.context(), Overlay::sorted).put(key, entry);
        }
    }

    NavigableMap<Key, ChangeLogEntry> all() {
        return all;
    }

    NavigableMap<Key, ChangeLogEntry> ofRecord(RecordRef record) {
        TreeMap<Key, ChangeLogEntry> entries = byRecord.get(record);
        return entries == null ? Overlay.none() : entries;
    }

    NavigableMap<Key, ChangeLogEntry> ofContext(RecordRef context) {
        TreeMap<Key, ChangeLogEntry> entries = byContext.get(context);
        return entries == null ? Overlay.none() : entries;
    }

    /** An entry's place in the log: by time, then id; also the page cursor. */
    record Key(Instant at, String id) implements Comparable<Key> {
        static Key of(ChangeLogEntry entry) {
            return new Key(entry.at(), entry.id().value());
        }

        /** The first possible key at {@code at}: before every entry of that instant. */
        static Key first(Instant at) {
            return new Key(at, "");
        }

        static Key parse(String cursor) {
            int bar = cursor.indexOf('|');
            if (bar > 0) {
                try {
                    return new Key(Instant.parse(cursor.substring(0, bar)), cursor.substring(bar + 1));
                } catch (DateTimeParseException e) {
                    // reported as the typed error below
                }
            }
            throw ValidationException.of("page.after", ErrorCode.FIELD_INVALID, "not a cursor of the change log");
        }

        String cursor() {
            return at + "|" + id;
        }

        @Override
        public int compareTo(Key other) {
            int order = at.compareTo(other.at);
            return order != 0 ? order : id.compareTo(other.id);
        }
    }
}
