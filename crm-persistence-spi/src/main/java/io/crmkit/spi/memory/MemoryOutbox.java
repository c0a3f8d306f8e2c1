package io.crmkit.spi.memory;

import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.notify.Notification;
import io.crmkit.spi.outbox.Outbox;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outbox as one transaction sees it: the committed entries ({@link Committed}) overlaid with
 * what this transaction appended or changed, applied at commit like every other write, so an
 * entry exists exactly when the change that appended it committed, and a lease taken by a claim
 * exists exactly when the claiming transaction committed.
 */
final class MemoryOutbox implements Outbox, Participant {
    /** Claim order: oldest due first, then by id. */
    private static final Comparator<OutboxEntry> DUE_ORDER =
            Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id);

    private final Committed committed;
    private final MemoryTransaction tx;
    /** What this transaction wrote, by id and (the same objects) per tenant by id. */
    private final Map<String, Write<OutboxEntry>> writes = new HashMap<>();
    private final Map<TenantId, TreeMap<String, Write<OutboxEntry>>> writesByTenant = new HashMap<>();
    /** Deduplication keys of the entries this transaction appended, to their ids. */
    private final Map<DedupKey, String> appendedKeys = new HashMap<>();

    MemoryOutbox(Committed committed, MemoryTransaction tx) {
        this.committed = committed;
        this.tx = tx;
    }

    @Override
    public OutboxEntry append(Notification notification) {
        tx.checkOpen();
        Checks.required("notification", notification);
        DedupKey key = new DedupKey(notification.tenantId(), notification.deduplicationKey());
        String existing = appendedKeys.get(key);
        if (existing == null) {
            existing = committed.idsByKey.get(key);
        }
        if (existing != null) {
            return current(existing);
        }
        // Due at once: the notification's own creation instant (the store reads no clock).
        OutboxEntry entry = new OutboxEntry(tx.ids().nextId(), notification, OutboxStatus.PENDING, 0,
                notification.createdAt(), null, null, null, null);
        appendedKeys.put(key, entry.id());
        write(entry);
        return entry;
    }

    @Override
    public List<OutboxEntry> claim(String worker, int max, Instant now, Duration lease) {
        tx.checkOpen();
        String owner = Checks.text("worker", worker, 200);
        Checks.range("max", max, 1, PageRequest.MAX_LIMIT);
        Checks.required("now", now);
        Checks.required("lease", lease);
        if (lease.isNegative() || lease.isZero()) {
            throw ValidationException.of("lease", ErrorCode.FIELD_NOT_POSITIVE, lease.toString());
        }
        List<OutboxEntry> candidates = new ArrayList<>();
        // Committed pending entries in due order; those this transaction changed are judged below.
        for (DueKey due : committed.pending) {
            if (due.at().isAfter(now) || candidates.size() == max) {
                break;
            }
            OutboxEntry entry = committed.byId.get(due.id());
            if (!writes.containsKey(due.id()) && claimable(entry, now)) {
                candidates.add(entry);
            }
        }
        for (Write<OutboxEntry> write : writes.values()) {
            if (claimable(write.value, now)) {
                candidates.add(write.value);
            }
        }
        candidates.sort(DUE_ORDER);
        Instant until = now.plus(lease);
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry entry : candidates.subList(0, Math.min(max, candidates.size()))) {
            OutboxEntry leased = new OutboxEntry(entry.id(), entry.notification(), entry.status(), entry.attempts(),
                    entry.nextAttemptAt(), entry.lastError(), owner, until, entry.deliveredAt());
            write(leased);
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public boolean markDelivered(String id, String worker, Instant at) {
        tx.checkOpen();
        Checks.required("at", at);
        OutboxEntry entry = held(id, worker);
        if (entry == null) {
            return false;
        }
        write(new OutboxEntry(entry.id(), entry.notification(), OutboxStatus.DELIVERED, entry.attempts(),
                entry.nextAttemptAt(), entry.lastError(), null, null, at));
        return true;
    }

    @Override
    public boolean markFailed(String id, String worker, String error, Instant retryAt, boolean park) {
        tx.checkOpen();
        if (!park) {
            Checks.required("retryAt", retryAt);
        }
        OutboxEntry entry = held(id, worker);
        if (entry == null) {
            return false;
        }
        write(new OutboxEntry(entry.id(), entry.notification(), park ? OutboxStatus.PARKED : OutboxStatus.PENDING,
                entry.attempts() + 1, retryAt == null ? entry.nextAttemptAt() : retryAt, error, null, null, null));
        return true;
    }

    @Override
    public Page<OutboxEntry> list(TenantId tenant, OutboxStatus status, PageRequest page) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("status", status);
        Checks.required("page", page);
        List<OutboxEntry> items = new ArrayList<>();
        boolean[] more = {false};
        NavigableMap<String, Write<OutboxEntry>> ours = writesByTenant.get(tenant);
        Overlay.scan(Overlay.after(committed.tenantEntries(tenant), page.after()),
                ours == null ? Overlay.none() : Overlay.after(ours, page.after()), false, entry -> {
                    if (entry.status() != status) {
                        return true;
                    }
                    if (items.size() == page.limit()) {
                        more[0] = true;
                        return false;
                    }
                    items.add(entry);
                    return true;
                });
        return new Page<>(items, more[0] ? items.get(items.size() - 1).id() : null);
    }

    @Override
    public boolean retryParked(String id, Instant at) {
        tx.checkOpen();
        Checks.required("id", id);
        Checks.required("at", at);
        OutboxEntry entry = current(id);
        if (entry == null || entry.status() != OutboxStatus.PARKED) {
            return false;
        }
        write(new OutboxEntry(entry.id(), entry.notification(), OutboxStatus.PENDING, 0, at, entry.lastError(),
                null, null, null));
        return true;
    }

    @Override
    public void validate() {
        for (Map.Entry<String, Write<OutboxEntry>> write : writes.entrySet()) {
            // Only a nested transaction that committed meanwhile can have changed the entry.
            if (committed.byId.get(write.getKey()) != write.getValue().base) {
                throw new ConcurrentModificationException("OUTBOX_ENTRY", write.getKey(), 0);
            }
        }
        for (DedupKey key : appendedKeys.keySet()) {
            if (committed.idsByKey.containsKey(key)) {
                throw new ConcurrentModificationException("OUTBOX_ENTRY", key.key(), 0);
            }
        }
    }

    @Override
    public void apply() {
        for (Write<OutboxEntry> write : writes.values()) {
            committed.put(write.base, write.value);
        }
    }

    /** The entry as this transaction sees it, or null. */
    private OutboxEntry current(String id) {
        Write<OutboxEntry> write = writes.get(id);
        return write != null ? write.value : committed.byId.get(id);
    }

    /** The entry if it is pending and {@code worker} holds its lease, else null. */
    private OutboxEntry held(String id, String worker) {
        Checks.required("id", id);
        String owner = Checks.text("worker", worker, 200);
        OutboxEntry entry = current(id);
        return entry != null && entry.status() == OutboxStatus.PENDING && owner.equals(entry.leaseOwner()) ? entry : null;
    }

    private static boolean claimable(OutboxEntry entry, Instant now) {
        return entry.status() == OutboxStatus.PENDING
                && !entry.nextAttemptAt().isAfter(now)
                && (entry.leaseOwner() == null || entry.leaseUntil() == null || !entry.leaseUntil().isAfter(now));
    }

    private void write(OutboxEntry entry) {
        Write<OutboxEntry> write = writes.get(entry.id());
        if (write != null) {
            write.value = entry;
            return;
        }
        if (writes.isEmpty()) {
            tx.enlist(this);
        }
        write = new Write<>(committed.byId.get(entry.id()), entry);
        writes.put(entry.id(), write);
        writesByTenant.computeIfAbsent(entry.notification().tenantId(), Overlay::sorted).put(entry.id(), write);
    }

    /** A tenant's deduplication key. */
    record DedupKey(TenantId tenant, String key) {}

    /** A pending entry's place in the claim order. */
    record DueKey(Instant at, String id) implements Comparable<DueKey> {
        @Override
        public int compareTo(DueKey other) {
            int order = at.compareTo(other.at);
            return order != 0 ? order : id.compareTo(other.id);
        }
    }

    /** The committed outbox of every tenant; accessed under the store's lock only. */
    static final class Committed {
        final Map<String, OutboxEntry> byId = new HashMap<>();
        final Map<DedupKey, String> idsByKey = new HashMap<>();
        /** The PENDING entries, in claim order. */
        final TreeSet<DueKey> pending = new TreeSet<>();
        private final Map<TenantId, TreeMap<String, OutboxEntry>> byTenant = new HashMap<>();

        NavigableMap<String, OutboxEntry> tenantEntries(TenantId tenant) {
            TreeMap<String, OutboxEntry> entries = byTenant.get(tenant);
            return entries == null ? Overlay.none() : entries;
        }

        /** Replaces {@code old} (null for a new entry) with {@code entry}, keeping the indexes in step. */
        void put(OutboxEntry old, OutboxEntry entry) {
            if (old != null && old.status() == OutboxStatus.PENDING) {
                pending.remove(new DueKey(old.nextAttemptAt(), old.id()));
            }
            if (entry.status() == OutboxStatus.PENDING) {
                pending.add(new DueKey(entry.nextAttemptAt(), entry.id()));
            }
            byId.put(entry.id(), entry);
            byTenant.computeIfAbsent(entry.notification().tenantId(), Overlay::sorted).put(entry.id(), entry);
            idsByKey.putIfAbsent(new DedupKey(entry.notification().tenantId(), entry.notification().deduplicationKey()),
                    entry.id());
        }
    }
}
