package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.ChangeLogEntryId;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.jdbc.sql.SqlFragment;
import io.crmkit.jdbc.sql.SqlValues;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.activity.ChangeLogStore;
import io.crmkit.spi.query.ChangeLogQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log over the {@code change_log} table: one row per entry, the entry itself as JSON in
 * {@code body}, and its tenant, time, actor, record, context and action in columns for the two
 * reading orders (by record, by context; indexed newest first by time then id) and for counts.
 */
final class JdbcChangeLog implements ChangeLogStore {
    private final JdbcTransaction tx;
    private final String table;

    JdbcChangeLog(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.settings.names.table(Schema.CHANGE_LOG);
    }

    @Override
    public ChangeLogEntryId nextId() {
        tx.checkOpen();
        return ChangeLogEntryId.of(tx.settings.ids.nextId());
    }

    @Override
    public void append(ChangeLogEntry entry) {
        tx.checkOpen();
        Checks.required("entry", entry);
        String body;
        try {
            body = tx.settings.mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            ValidationException invalid = ValidationException.of("entry", ErrorCode.FIELD_INVALID,
                    "a change-log entry that cannot be written as JSON: " + e.getMessage());
            invalid.addSuppressed(e);
            throw invalid;
        }
        RecordRef context = entry.context();
        List<Object> params = List.of(entry.tenantId().value(), entry.id().value(), entry.at(), entry.actor().value(),
                entry.record().type().name(), entry.record().id(),
                context == null ? SqlValues.NULL_TEXT : context.type().name(),
                context == null ? SqlValues.NULL_TEXT : context.id(), entry.action(), body);
        String sql = "INSERT INTO " + table + " (tenant_id, id, at, actor, record_type, record_id, context_type,"
                + " context_id, action, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + JdbcSql.jsonParameter(tx.dialect()) + ")";
        try {
            tx.guarded(() -> JdbcSql.update(tx.connection(), sql, params));
        } catch (SQLException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                throw new DuplicateRecordException(RecordType.CHANGE_LOG_ENTRY.name(), entry.id().value());
            }
            throw SqlErrors.translate(e, "appending change-log entry " + entry.id().value());
        }
    }

    @Override
    public Page<ChangeLogEntry> ofRecord(TenantId tenant, RecordRef record, PageRequest page) {
        Checks.required("record", record);
        return newestFirst(tenant, page, SqlFragment.of("AND record_type = ? AND record_id = ?",
                record.type().name(), record.id()));
    }

    @Override
    public Page<ChangeLogEntry> ofContext(TenantId tenant, RecordRef context, PageRequest page) {
        Checks.required("context", context);
        return newestFirst(tenant, page, SqlFragment.of("AND context_type = ? AND context_id = ?",
                context.type().name(), context.id()));
    }

    @Override
    public long count(TenantId tenant, ChangeLogQuery query) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("query", query);
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND action = ?"
                + " AND at >= ? AND at < ?", tenant.value(), query.action(), query.from(), query.to());
        if (query.context() != null) {
            sql = sql.then(SqlFragment.of("AND context_type = ? AND context_id = ?", query.context().type().name(),
                    query.context().id()));
        }
        if (query.actor() != null) {
            sql = sql.then(SqlFragment.of("AND actor = ?", query.actor().value()));
        }
        if (query.record() != null) {
            sql = sql.then(SqlFragment.of("AND record_type = ? AND record_id = ?", query.record().type().name(),
                    query.record().id()));
        }
        try {
            return JdbcSql.count(tx.connection(), sql);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "counting change-log entries");
        }
    }

    /** One page of the tenant's entries that {@code filter} selects, newest first (time, then id, descending). */
    private Page<ChangeLogEntry> newestFirst(TenantId tenant, PageRequest page, SqlFragment filter) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("page", page);
        SqlFragment sql = SqlFragment.of("SELECT at, id, body FROM " + table + " WHERE tenant_id = ?", tenant.value())
                .then(filter);
        if (page.after() != null) {
            Key after = Key.parse(page.after());
            sql = sql.then(SqlFragment.of("AND (at < ? OR (at = ? AND id < ?))", after.at(), after.at(), after.id()));
        }
        sql = sql.then(SqlFragment.of("ORDER BY at DESC, id DESC LIMIT ?", page.limit() + 1));
        try {
            List<Row> rows = JdbcSql.query(tx.connection(), sql, this::row);
            List<ChangeLogEntry> items = new ArrayList<>();
            for (int i = 0; i < Math.min(rows.size(), page.limit()); i++) {
                items.add(rows.get(i).entry());
            }
            // The cursor is the column's value, not the entry's: the column is what the next page compares with.
            String cursor = rows.size() > page.limit() ? rows.get(page.limit() - 1).key().cursor() : null;
            return new Page<>(items, cursor);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "reading the change log");
        }
    }

    private Row row(ResultSet row) throws SQLException {
        Instant at = SqlValues.instant(row, 1);
        String id = row.getString(2);
        try {
            return new Row(new Key(at, id), tx.settings.mapper.readValue(row.getString(3), ChangeLogEntry.class));
        } catch (JsonProcessingException e) {
            throw new StorageUnavailableException("change-log entry " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** An entry with its place in the log. */
    private record Row(Key key, ChangeLogEntry entry) {}

    /** A place in the log: time, then id; also the page cursor. */
    private record Key(Instant at, String id) {
        static Key parse(String cursor) {
            int bar = cursor.indexOf('|');
            if (bar > 0) {
                try {
                    return new Key(Instant.parse(cursor.substring(0, bar)), cursor.substring(bar + 1));
                } catch (DateTimeParseException e) {
                    ValidationException invalid = notACursor();
                    invalid.addSuppressed(e);
                    throw invalid;
                }
            }
            throw notACursor();
        }

        private static ValidationException notACursor() {
            return ValidationException.of("page.after", ErrorCode.FIELD_INVALID, "not a cursor of the change log");
        }

        String cursor() {
            return at + "|" + id;
        }
    }
}
