package io.crmkit.jdbc.schema;

import io.crmkit.core.record.RecordType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of one kind of record: a column per standard field conditions can compare (so every
 * query is compiled to SQL on columns, never evaluated on loaded records), plus the whole record as
 * JSON in {@code body}, which is what reads return. Custom fields live in {@code body} and, for
 * querying, in the shared {@code custom_value} table.
 *
 * <p>Fixed columns: {@code tenant_id}, {@code id} (together the primary key), {@code version}, and
 * {@code body}. The others follow the model's field names in snake case ({@code lastFollowUpAt} is
 * {@code last_follow_up_at}); a money field {@code amount} has {@code amount} (the decimal) and
 * {@code amount_currency}.
 *
 * @param type the record type
 * @param model the model class (a record implementing {@code Aggregate})
 * @param name the table name without the configurable prefix ({@code account})
 * @param columns every column, in table order
 * @param fields the standard fields conditions may name, by field name
 * @param indexes secondary indexes, each a list of column names (tenant first)
 * @param unique unique keys beyond the primary key, each a list of column names (tenant first)
 * @param hasCustomFields whether records of this type carry custom fields
 */
public record RecordTable(
        RecordType type,
        Class<? extends Record> model,
        String name,
        List<Column> columns,
        Map<String, FieldColumn> fields,
        List<List<String>> indexes,
        List<List<String>> unique,
        boolean hasCustomFields) {

    /** Copies the collections. */
    public RecordTable {
        columns = List.copyOf(columns);
        fields = Map.copyOf(fields);
        indexes = indexes.stream().map(List::copyOf).toList();
        unique = unique.stream().map(List::copyOf).toList();
    }

    /** The column of standard field {@code field}, if conditions can compare it. */
    public Optional<FieldColumn> field(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The column named {@code column}. */
    public Column column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + column));
    }
}
