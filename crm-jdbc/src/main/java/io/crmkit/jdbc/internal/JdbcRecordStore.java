package io.crmkit.jdbc.internal;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.jdbc.sql.AggregateSql;
import io.crmkit.jdbc.sql.ConditionSql;
import io.crmkit.jdbc.sql.CustomValueRows;
import io.crmkit.jdbc.sql.SqlFragment;
import io.crmkit.jdbc.sql.SqlValues;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one implementation of {@link RecordStore} over a record table, bound to one transaction. The
 * per-area interfaces ({@code AccountStore}, ...) are thin subclasses in {@link AreaStores}.
 *
 * <p>Writes are versioned in SQL ({@code UPDATE ... WHERE tenant_id = ? AND id = ? AND version = ?}),
 * so a lost race changes no row and is reported, never silently overwritten. Reads page by key
 * ({@code id > cursor ORDER BY id}), and conditions are compiled to SQL, never evaluated on loaded
 * records. Custom field values are mirrored to the {@code custom_value} table on every write, for the
 * condition compiler.
 *
 * @param <T> the record type
 * @param <I> its id type
 */
class JdbcRecordStore<T extends Aggregate<I>, I extends RecordId> implements RecordStore<T, I> {
    /** The alias of the record table in queries, as the condition compiler is told. */
    static final String ALIAS = "r";

    private static final String CUSTOM_VALUE_COLUMNS = "tenant_id, record_type, record_id, name, seq, kind, text_value, "
            + "number_value, flag_value, date_value, ts_value, currency, group_key";

    final RecordMapping<T, I> mapping;
    final JdbcTransaction tx;
    private final String customValueTable;

    JdbcRecordStore(RecordMapping<T, I> mapping, JdbcTransaction tx) {
        this.mapping = mapping;
        this.tx = tx;
        this.customValueTable = tx.settings.names.table(Schema.CUSTOM_VALUE);
    }

    @Override
    public RecordType recordType() {
        return mapping.recordType();
    }

    @Override
    public I nextId() {
        tx.checkOpen();
        return mapping.idOf(tx.settings.ids.nextId());
    }

    @Override
    public Optional<T> find(TenantId tenant, I id) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("id", id);
        try {
            return findRow(tenant.value(), id.value());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "reading " + recordType() + " " + id.value());
        }
    }

    @Override
    public T insert(T record) {
        tx.checkOpen();
        Checks.required("record", record);
        Checks.range("version", record.version(), 0, 0);
        RecordMapping.Encoded<T> stored = mapping.encode(record, 1);
        try {
            try {
                tx.guarded(() -> JdbcSql.update(tx.connection(), mapping.insertSql(), mapping.insertParams(stored)));
            } catch (SQLException e) {
                if (SqlErrors.isDuplicateKey(e)) {
                    throw duplicate(record);
                }
                throw e;
            }
            afterWrite(stored.value(), false);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "inserting " + recordType() + " " + record.id().value());
        }
        return stored.value();
    }

    @Override
    public T update(T record) {
        tx.checkOpen();
        Checks.required("record", record);
        long expected = record.version();
        RecordMapping.Encoded<T> stored = mapping.encode(record, expected + 1);
        String tenant = record.tenantId().value();
        String id = record.id().value();
        try {
            int changed;
            try {
                changed = tx.guarded(() -> JdbcSql.update(tx.connection(), mapping.updateSql(),
                        mapping.updateParams(stored, expected)));
            } catch (SQLException e) {
                if (SqlErrors.isDuplicateKey(e)) {
                    throw new DuplicateRecordException(recordType().name(), mapping.uniqueKeyText(record));
                }
                throw e;
            }
            if (changed == 0) {
                throw missingOrMoved(tenant, id, expected);
            }
            afterWrite(stored.value(), true);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "updating " + recordType() + " " + id);
        }
        return stored.value();
    }

    @Override
    public void delete(TenantId tenant, I id, long expectedVersion) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("id", id);
        try {
            int deleted = JdbcSql.update(tx.connection(), "DELETE FROM " + mapping.tableName()
                    + " WHERE tenant_id = ? AND id = ? AND version = ?", List.of(tenant.value(), id.value(), expectedVersion));
            if (deleted == 0) {
                throw missingOrMoved(tenant.value(), id.value(), expectedVersion);
            }
            afterDelete(tenant.value(), id.value());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "deleting " + recordType() + " " + id.value());
        }
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
        SqlFragment sql = SqlFragment.of("SELECT " + ALIAS + ".version, " + ALIAS + ".body FROM " + mapping.tableName()
                + " " + ALIAS + " WHERE " + ALIAS + ".tenant_id = ?", tenant.value());
        sql = sql.then(filter(condition, context));
        if (page.after() != null) {
            sql = sql.then(SqlFragment.of("AND " + ALIAS + ".id > ?", page.after()));
        }
        // One row more than the page: whether it exists says whether another page follows.
        sql = sql.then(SqlFragment.of("ORDER BY " + ALIAS + ".id LIMIT ?", page.limit() + 1));
        try {
            List<T> rows = JdbcSql.query(tx.connection(), sql, row -> mapping.decode(row.getLong(1), row.getString(2)));
            if (rows.size() <= page.limit()) {
                return new Page<>(rows, null);
            }
            List<T> items = rows.subList(0, page.limit());
            return new Page<>(items, items.get(items.size() - 1).id().value());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "querying " + recordType());
        }
    }

    @Override
    public long count(TenantId tenant, Condition condition, QueryContext context) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM " + mapping.tableName() + " " + ALIAS + " WHERE "
                + ALIAS + ".tenant_id = ?", tenant.value()).then(filter(condition, context));
        try {
            return JdbcSql.count(tx.connection(), sql);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "counting " + recordType());
        }
    }

    @Override
    public List<AggregateRow> aggregate(TenantId tenant, AggregateQuery query, QueryContext context) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("query", query);
        Checks.required("context", context);
        try {
            return AggregateSql.run(tx.connection(), tx.dialect(), tx.settings.names, mapping.table(), tenant, query,
                    context);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "aggregating " + recordType());
        }
    }

    /** The tenant's record {@code id}, as this transaction sees it. */
    final Optional<T> findRow(String tenant, String id) throws SQLException {
        List<T> rows = JdbcSql.query(tx.connection(), "SELECT version, body FROM " + mapping.tableName()
                + " WHERE tenant_id = ? AND id = ?", List.of(tenant, id), row -> mapping.decode(row.getLong(1),
                row.getString(2)));
        return rows.stream().findFirst();
    }

    /**
     * Keeps the tables derived from a record in step after it was written: its custom values (and,
     * in subclasses, other rows derived from it).
     *
     * @param replace whether earlier rows of the record may exist (an update) or not (an insert)
     */
    void afterWrite(T stored, boolean replace) throws SQLException {
        CustomFields fields = mapping.customFields(stored);
        if (fields == null) {
            return;
        }
        String tenant = stored.tenantId().value();
        String id = stored.id().value();
        if (replace) {
            deleteCustomValues(tenant, id);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (CustomValueRows.Row row : CustomValueRows.rows(fields)) {
            List<Object> params = new ArrayList<>();
            params.add(tenant);
            params.add(recordType().name());
            params.add(id);
            params.add(row.name());
            params.add(row.seq());
            params.add(row.kind());
            params.add(orNull(row.text(), Types.VARCHAR));
            params.add(orNull(row.number(), Types.DECIMAL));
            params.add(orNull(row.flag(), Types.BOOLEAN));
            params.add(orNull(row.date(), Types.DATE));
            params.add(orNull(row.timestamp(), Types.TIMESTAMP));
            params.add(orNull(row.currency(), Types.VARCHAR));
            params.add(orNull(row.groupKey(), Types.VARCHAR));
            rows.add(params);
        }
        JdbcSql.batch(tx.connection(), "INSERT INTO " + customValueTable + " (" + CUSTOM_VALUE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Removes the rows derived from a deleted record. */
    void afterDelete(String tenant, String id) throws SQLException {
        if (mapping.table().hasCustomFields()) {
            deleteCustomValues(tenant, id);
        }
    }

    private void deleteCustomValues(String tenant, String id) throws SQLException {
        JdbcSql.update(tx.connection(), "DELETE FROM " + customValueTable
                + " WHERE tenant_id = ? AND record_type = ? AND record_id = ?", List.of(tenant, recordType().name(), id));
    }

    /** The AND-ed filter of a condition, or nothing for none. */
    private SqlFragment filter(Condition condition, QueryContext context) {
        if (condition == null) {
            return SqlFragment.of("");
        }
        Checks.required("context", context);
        SqlFragment where = ConditionSql.where(tx.dialect(), tx.settings.names, mapping.table(), ALIAS, condition,
                context);
        return new SqlFragment("AND (" + where.sql() + ")", where.params());
    }

    /** Why an update or delete changed no row: the record is gone, or its version moved on. */
    private RuntimeException missingOrMoved(String tenant, String id, long expectedVersion) throws SQLException {
        if (findRow(tenant, id).isEmpty()) {
            return new NotFoundException(recordType().name(), id);
        }
        return new ConcurrentModificationException(recordType().name(), id, expectedVersion);
    }

    /** The error for an insert refused by a key: the id when the tenant holds it, else the unique key. */
    private DuplicateRecordException duplicate(T record) throws SQLException {
        boolean idTaken = findRow(record.tenantId().value(), record.id().value()).isPresent();
        return new DuplicateRecordException(recordType().name(), idTaken ? record.id().value()
                : mapping.uniqueKeyText(record));
    }

    private static Object orNull(Object value, int sqlType) {
        return value == null ? new SqlValues.Null(sqlType) : value;
    }
}
