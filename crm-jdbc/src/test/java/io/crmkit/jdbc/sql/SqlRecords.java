package io.crmkit.jdbc.sql;

import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordId;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.Column;
import io.crmkit.jdbc.schema.ColumnType;
import io.crmkit.jdbc.schema.FieldColumn;
import io.crmkit.jdbc.schema.RecordTable;
import io.crmkit.jdbc.schema.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny test-only writer: puts model records into their table (every field column from
 * {@link RecordFields#value}, body {@code {}}) and their custom fields into {@code custom_value}
 * laid out by {@link CustomValueRows}, so the compilers can be run against known records.
 */
final class SqlRecords {
    private SqlRecords() {}

    /** The table of a model class. */
    static RecordTable tableOf(Class<?> model) {
        return Schema.tables().stream().filter(t -> t.model() == model).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table for " + model));
    }

    /** Writes every record (all of one model class). */
    static void insert(TestDatabase db, List<? extends Aggregate<?>> records) throws SQLException {
        for (Aggregate<?> record : records) {
            insert(db, (Record) record);
        }
    }

    static void insert(TestDatabase db, Record record) throws SQLException {
        RecordTable table = tableOf(record.getClass());
        Map<String, Object> values = new HashMap<>();
        for (FieldColumn field : table.fields().values()) {
            Object value = RecordFields.value(record, field.field());
            if (value instanceof Money money) {
                values.put(field.column(), money.amount());
                values.put(field.currencyColumn(), money.currency().getCurrencyCode());
            } else if (value != null) {
                values.put(field.column(), column(value));
            }
        }
        values.put("body", "{}");
        List<String> names = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Column column : table.columns()) {
            names.add(column.name());
            marks.add(column.type() == ColumnType.JSON && db.dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?");
            Object value = values.get(column.name());
            params.add(value == null ? new SqlValues.Null(sqlType(column.type())) : value);
        }
        execute(db, "INSERT INTO " + TestDatabase.NAMES.table(table) + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", marks) + ")", params);
        Object custom = RecordFields.has(record.getClass(), "custom.any") ? customFields(record) : null;
        if (custom == null) {
            return;
        }
        String tenant = ((Aggregate<?>) record).tenantId().value();
        String id = ((Aggregate<?>) record).id().value();
        for (CustomValueRows.Row row : CustomValueRows.rows((CustomFields) custom)) {
            execute(db, "INSERT INTO " + TestDatabase.NAMES.table(Schema.CUSTOM_VALUE)
                    + " (tenant_id, record_type, record_id, name, seq, kind, text_value, number_value, flag_value,"
                    + " date_value, ts_value, currency, group_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(tenant, table.type().name(), id, row.name(), (long) row.seq(), row.kind(),
                            orNull(row.text(), Types.VARCHAR), orNull(row.number(), Types.DECIMAL),
                            orNull(row.flag(), Types.BOOLEAN), orNull(row.date(), Types.DATE),
                            orNull(row.timestamp(), Types.TIMESTAMP), orNull(row.currency(), Types.VARCHAR),
                            orNull(row.groupKey(), Types.VARCHAR)));
        }
    }

    private static Object customFields(Record record) {
        try {
            return record.getClass().getMethod("customFields").invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object orNull(Object value, int type) {
        return value == null ? new SqlValues.Null(type) : value;
    }

    /** A field value as its column holds it, the way ConditionEvaluator normalises it. */
    private static Object column(Object value) {
        if (value instanceof RecordId id) {
            return id.value();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Currency c) {
            return c.getCurrencyCode();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return value;
    }

    private static int sqlType(ColumnType type) {
        return switch (type) {
            case ID, CODE, CURRENCY, TEXT, JSON -> Types.VARCHAR;
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case FLAG -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
        };
    }

    private static void execute(TestDatabase db, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement statement = db.connection.prepareStatement(sql)) {
            SqlValues.bindAll(statement, params);
            statement.executeUpdate();
        }
    }
}
