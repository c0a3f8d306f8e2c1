package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.Column;
import io.crmkit.jdbc.schema.ColumnType;
import io.crmkit.jdbc.schema.FieldColumn;
import io.crmkit.jdbc.schema.RecordTable;
import io.crmkit.jdbc.sql.SqlNames;
import io.crmkit.jdbc.sql.SqlValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How records of one type travel to and from their {@link RecordTable}: the column values of a
 * record, its JSON body, and the SQL of insert and update, built once per store.
 *
 * <p>The body is the source of truth for reads: the record serialised as JSON with the stored
 * version in it, so what a read returns equals what was written, field for field. The other columns
 * exist only for conditions, orderings and aggregates, and are written from the same record in the
 * same statement, so they never disagree with the body.
 *
 * @param <T> the record type
 * @param <I> its id type
 */
final class RecordMapping<T extends Aggregate<I>, I extends RecordId> {
    private static final String CUSTOM_FIELDS = "customFields";

    private final RecordTable table;
    private final Class<T> type;
    private final Function<String, I> idOf;
    private final ObjectMapper mapper;
    private final String tableName;
    /** Every column but tenant_id, id, version and body, in table order. */
    private final List<DataColumn> dataColumns;
    private final String insertSql;
    private final String updateSql;

    RecordMapping(RecordTable table, Class<T> type, Function<String, I> idOf, Dialect dialect, SqlNames names,
            ObjectMapper mapper) {
        this.table = table;
        this.type = type;
        this.idOf = idOf;
        this.mapper = mapper;
        this.tableName = names.table(table);
        Map<String, DataColumn> byColumn = new HashMap<>();
        for (FieldColumn field : table.fields().values()) {
            byColumn.put(field.column(), new DataColumn(field.column(), field, false, null));
            if (field.currencyColumn() != null) {
                byColumn.put(field.currencyColumn(), new DataColumn(field.currencyColumn(), field, true, null));
            }
        }
        List<DataColumn> data = new ArrayList<>();
        for (Column column : table.columns()) {
            String name = column.name();
            if (name.equals("tenant_id") || name.equals("id") || name.equals("version") || name.equals("body")) {
                continue;
            }
            DataColumn mapped = byColumn.get(name);
            if (mapped == null) {
                // The schema derives every column from a field, so this is a broken build, not bad input.
                throw new IllegalStateException(tableName + "." + name + " maps to no field of " + type.getName());
            }
            data.add(new DataColumn(name, mapped.field(), mapped.currencyPart(), column.type()));
        }
        this.dataColumns = List.copyOf(data);
        String json = JdbcSql.jsonParameter(dialect);

        StringBuilder insert = new StringBuilder("INSERT INTO ").append(tableName).append(" (tenant_id, id, version");
        StringBuilder values = new StringBuilder("?, ?, ?");
        for (DataColumn column : dataColumns) {
            insert.append(", ").append(column.name());
            values.append(", ?");
        }
        insert.append(", body) VALUES (").append(values).append(", ").append(json).append(')');
        this.insertSql = insert.toString();

        StringBuilder update = new StringBuilder("UPDATE ").append(tableName).append(" SET version = ?");
        for (DataColumn column : dataColumns) {
            update.append(", ").append(column.name()).append(" = ?");
        }
        update.append(", body = ").append(json).append(" WHERE tenant_id = ? AND id = ? AND version = ?");
        this.updateSql = update.toString();
    }

    RecordTable table() {
        return table;
    }

    RecordType recordType() {
        return table.type();
    }

    String tableName() {
        return tableName;
    }

    I idOf(String value) {
        return idOf.apply(value);
    }

    String insertSql() {
        return insertSql;
    }

    String updateSql() {
        return updateSql;
    }

    /**
     * {@code record} as it will be stored with {@code version}: the stored value (what reads will
     * return) and its JSON text.
     *
     * @throws ValidationException if the record cannot be written as JSON
     */
    Encoded<T> encode(T record, long version) {
        try {
            ObjectNode tree = mapper.valueToTree(record);
            tree.put("version", version);
            String body = mapper.writeValueAsString(tree);
            // Read back from the same tree, so the returned value is exactly what a later read gives.
            T stored = mapper.treeToValue(tree, type);
            return new Encoded<>(stored, body);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            ValidationException invalid = ValidationException.of("record", ErrorCode.FIELD_INVALID,
                    "a " + table.type() + " that cannot be written as JSON: " + e.getMessage());
            invalid.addSuppressed(e);
            throw invalid;
        }
    }

    /**
     * The record stored as {@code body} with {@code version}.
     *
     * @throws StorageUnavailableException if the stored body is not a readable record of this type
     */
    T decode(long version, String body) {
        try {
            JsonNode tree = mapper.readTree(body);
            if (!(tree instanceof ObjectNode object)) {
                throw new StorageUnavailableException("the stored body of a " + table.type() + " is not a JSON object", null);
            }
            object.put("version", version);
            return mapper.treeToValue(object, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StorageUnavailableException("a stored " + table.type() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The parameters of {@link #insertSql()} for {@code stored}. */
    List<Object> insertParams(Encoded<T> stored) {
        List<Object> params = new ArrayList<>();
        params.add(stored.value().tenantId().value());
        params.add(stored.value().id().value());
        params.add(stored.value().version());
        addData(params, stored.value());
        params.add(stored.body());
        return params;
    }

    /** The parameters of {@link #updateSql()} for {@code stored}, replacing the row at {@code expectedVersion}. */
    List<Object> updateParams(Encoded<T> stored, long expectedVersion) {
        List<Object> params = new ArrayList<>();
        params.add(stored.value().version());
        addData(params, stored.value());
        params.add(stored.body());
        params.add(stored.value().tenantId().value());
        params.add(stored.value().id().value());
        params.add(expectedVersion);
        return params;
    }

    /** The record's custom fields, or null when the type has none. */
    CustomFields customFields(T record) {
        return table.hasCustomFields() ? (CustomFields) RecordFields.value((Record) record, CUSTOM_FIELDS) : null;
    }

    /** The values of the table's unique keys (beyond the primary key) in {@code record}, for an error message. */
    String uniqueKeyText(T record) {
        List<String> parts = new ArrayList<>();
        for (List<String> key : table.unique()) {
            for (String column : key) {
                for (DataColumn data : dataColumns) {
                    if (data.name().equals(column)) {
                        parts.add(String.valueOf(data.value(record)));
                    }
                }
            }
        }
        return parts.isEmpty() ? record.id().value() : String.join(",", parts);
    }

    private void addData(List<Object> params, T record) {
        for (DataColumn column : dataColumns) {
            Object value = column.value(record);
            params.add(value == null ? new SqlValues.Null(sqlType(column.type())) : value);
        }
    }

    private static int sqlType(ColumnType type) {
        return switch (type) {
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case FLAG -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
            default -> Types.VARCHAR;
        };
    }

    /** A record as stored: the value reads return and its JSON body. */
    record Encoded<T>(T value, String body) {}

    /**
     * One data column: the field it holds (for money, the amount or, with {@code currencyPart}, the
     * currency code).
     */
    private record DataColumn(String name, FieldColumn field, boolean currencyPart, ColumnType type) {
        /** The bindable value of this column in {@code record}, or null. */
        Object value(Object record) {
            Object value = RecordFields.value((Record) record, field.field());
            if (value == null) {
                return null;
            }
            if (value instanceof Money money) {
                return currencyPart ? money.currency().getCurrencyCode() : money.amount();
            }
            if (value instanceof RecordId id) {
                return id.value();
            }
            if (value instanceof Enum<?> constant) {
                return constant.name();
            }
            if (value instanceof Currency currency) {
                return currency.getCurrencyCode();
            }
            if (value instanceof BigInteger big) {
                return type == ColumnType.INTEGER ? (Object) big.longValueExact() : new BigDecimal(big);
            }
            if (value instanceof BigDecimal || value instanceof String || value instanceof Boolean
                    || value instanceof LocalDate || value instanceof Instant) {
                return value;
            }
            if (value instanceof Number number) {
                // int, long, short, byte: whole numbers, in a BIGINT column or (byte) a decimal one.
                return type == ColumnType.INTEGER ? (Object) number.longValue() : BigDecimal.valueOf(number.longValue());
            }
            throw new IllegalStateException("no column form for a " + value.getClass().getName() + " in " + name);
        }
    }
}
