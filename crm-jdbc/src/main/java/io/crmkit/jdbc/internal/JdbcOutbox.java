package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.jdbc.sql.SqlFragment;
import io.crmkit.jdbc.sql.SqlValues;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.notify.Notification;
import io.crmkit.spi.outbox.Outbox;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox over the {@code outbox} table. Appends are written in the caller's
 * transaction, so an entry exists exactly when its change committed; the unique index on
 * (tenant_id, dedup_key) makes append idempotent even when two transactions append the same key at
 * once. Claims lock the due rows they take with {@code FOR UPDATE SKIP LOCKED} (all three dialects
 * have it: PostgreSQL, MariaDB 10.6+, H2 2.2+), so racing relay workers never lease the same entry
 * and never wait for each other; the lease itself is a column, so it outlives the claiming
 * transaction.
 */
final class JdbcOutbox implements Outbox {
    private static final String COLUMNS = "id, status, attempts, next_attempt_at, last_error, lease_owner, lease_until,"
            + " delivered_at, notification";

    private final JdbcTransaction tx;
    private final String table;

    JdbcOutbox(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.settings.names.table(Schema.OUTBOX);
    }

    @Override
    public OutboxEntry append(Notification notification) {
        tx.checkOpen();
        Checks.required("notification", notification);
        String tenant = notification.tenantId().value();
        String key = notification.deduplicationKey();
        try {
            Optional<OutboxEntry> existing = byKey(tenant, key);
            if (existing.isPresent()) {
                return existing.get();
            }
            // Due at once: the notification's own creation instant (the store reads no clock).
            OutboxEntry entry = new OutboxEntry(tx.settings.ids.nextId(), notification, OutboxStatus.PENDING, 0,
                    notification.createdAt(), null, null, null, null);
            if (insert(entry)) {
                return entry;
            }
            // A transaction that committed after our look-up appended the same key first: that entry wins.
            return byKey(tenant, key).orElseThrow(
                    () -> new ConcurrentModificationException("OUTBOX_ENTRY", key, 0));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "appending to the outbox");
        }
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
        Instant until = now.plus(lease);
        SqlFragment due = SqlFragment.of("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE status = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                        + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                OutboxStatus.PENDING.name(), now, now, max);
        try {
            List<OutboxEntry> candidates = JdbcSql.query(tx.connection(), due, this::entry);
            List<OutboxEntry> claimed = new ArrayList<>();
            List<List<Object>> leases = new ArrayList<>();
            for (OutboxEntry entry : candidates) {
                claimed.add(new OutboxEntry(entry.id(), entry.notification(), entry.status(), entry.attempts(),
                        entry.nextAttemptAt(), entry.lastError(), owner, until, entry.deliveredAt()));
                leases.add(List.of(owner, until, entry.id()));
            }
            JdbcSql.batch(tx.connection(), "UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE id = ?", leases);
            return claimed;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "claiming outbox entries");
        }
    }

    @Override
    public boolean markDelivered(String id, String worker, Instant at) {
        tx.checkOpen();
        Checks.required("at", at);
        Checks.required("id", id);
        String owner = Checks.text("worker", worker, 200);
        return changed("marking outbox entry " + id + " delivered", SqlFragment.of("UPDATE " + table
                        + " SET status = ?, lease_owner = NULL, lease_until = NULL, delivered_at = ?"
                        + " WHERE id = ? AND status = ? AND lease_owner = ?",
                OutboxStatus.DELIVERED.name(), at, id, OutboxStatus.PENDING.name(), owner));
    }

    @Override
    public boolean markFailed(String id, String worker, String error, Instant retryAt, boolean park) {
        tx.checkOpen();
        if (!park) {
            Checks.required("retryAt", retryAt);
        }
        Checks.required("id", id);
        String owner = Checks.text("worker", worker, 200);
        List<Object> params = new ArrayList<>();
        params.add((park ? OutboxStatus.PARKED : OutboxStatus.PENDING).name());
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET status = ?, attempts = attempts + 1");
        if (retryAt != null) {
            sql.append(", next_attempt_at = ?");
            params.add(retryAt);
        }
        sql.append(", last_error = ?, lease_owner = NULL, lease_until = NULL, delivered_at = NULL")
                .append(" WHERE id = ? AND status = ? AND lease_owner = ?");
        params.add(error == null ? SqlValues.NULL_TEXT : error);
        params.add(id);
        params.add(OutboxStatus.PENDING.name());
        params.add(owner);
        return changed("marking outbox entry " + id + " failed", new SqlFragment(sql.toString(), params));
    }

    @Override
    public Page<OutboxEntry> list(TenantId tenant, OutboxStatus status, PageRequest page) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("status", status);
        Checks.required("page", page);
        SqlFragment sql = SqlFragment.of("SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND status = ?",
                tenant.value(), status.name());
        if (page.after() != null) {
            sql = sql.then(SqlFragment.of("AND id > ?", page.after()));
        }
        sql = sql.then(SqlFragment.of("ORDER BY id LIMIT ?", page.limit() + 1));
        try {
            List<OutboxEntry> rows = JdbcSql.query(tx.connection(), sql, this::entry);
            if (rows.size() <= page.limit()) {
                return new Page<>(rows, null);
            }
            List<OutboxEntry> items = rows.subList(0, page.limit());
            return new Page<>(items, items.get(items.size() - 1).id());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "listing the outbox");
        }
    }

    @Override
    public boolean retryParked(String id, Instant at) {
        tx.checkOpen();
        Checks.required("id", id);
        Checks.required("at", at);
        return changed("retrying parked outbox entry " + id, SqlFragment.of("UPDATE " + table
                        + " SET status = ?, attempts = 0, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL,"
                        + " delivered_at = NULL WHERE id = ? AND status = ?",
                OutboxStatus.PENDING.name(), at, id, OutboxStatus.PARKED.name()));
    }

    /** Runs a conditional UPDATE of one entry. @return whether it changed the entry */
    private boolean changed(String what, SqlFragment update) {
        try {
            return JdbcSql.update(tx.connection(), update) > 0;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, what);
        }
    }

    /** The tenant's entry with deduplication key {@code key}, as this transaction sees it. */
    private Optional<OutboxEntry> byKey(String tenant, String key) throws SQLException {
        return JdbcSql.query(tx.connection(), "SELECT " + COLUMNS + " FROM " + table
                + " WHERE tenant_id = ? AND dedup_key = ?", List.of(tenant, key), this::entry).stream().findFirst();
    }

    /**
     * Inserts {@code entry} unless the tenant already has its key, without ever aborting the
     * transaction: PostgreSQL skips the conflicting row itself ({@code ON CONFLICT DO NOTHING}); H2
     * and MariaDB report the duplicate, which only undoes this statement there (and the insert runs
     * guarded anyway). MariaDB's {@code INSERT IGNORE} is not used: it would also silence errors that
     * are not about the key, such as a value too long for its column.
     *
     * @return whether the entry was inserted (false: another transaction holds the key)
     */
    private boolean insert(OutboxEntry entry) throws SQLException {
        String notification;
        try {
            notification = tx.settings.mapper.writeValueAsString(entry.notification());
        } catch (JsonProcessingException e) {
            ValidationException invalid = ValidationException.of("notification", ErrorCode.FIELD_INVALID,
                    "a notification that cannot be written as JSON: " + e.getMessage());
            invalid.addSuppressed(e);
            throw invalid;
        }
        String sql = "INSERT INTO " + table + " (id, tenant_id, dedup_key, status, attempts, next_attempt_at, last_error,"
                + " lease_owner, lease_until, delivered_at, notification) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, "
                + JdbcSql.jsonParameter(tx.dialect()) + ")";
        if (tx.dialect() == Dialect.POSTGRESQL) {
            sql += " ON CONFLICT (tenant_id, dedup_key) DO NOTHING";
        }
        List<Object> params = List.of(entry.id(), entry.notification().tenantId().value(),
                entry.notification().deduplicationKey(), entry.status().name(), entry.attempts(), entry.nextAttemptAt(),
                notification);
        String statement = sql;
        try {
            return tx.guarded(() -> JdbcSql.update(tx.connection(), statement, params)) > 0;
        } catch (SQLException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private OutboxEntry entry(ResultSet row) throws SQLException {
        String id = row.getString(1);
        Notification notification;
        try {
            notification = tx.settings.mapper.readValue(row.getString(9), Notification.class);
        } catch (JsonProcessingException e) {
            throw new StorageUnavailableException("outbox entry " + id + " cannot be read: " + e.getMessage(), e);
        }
        return new OutboxEntry(id, notification, OutboxStatus.valueOf(row.getString(2)), row.getInt(3),
                SqlValues.instant(row, 4), row.getString(5), row.getString(6), SqlValues.instant(row, 7),
                SqlValues.instant(row, 8));
    }
}
