package io.crmkit.jdbc.schema;

import io.crmkit.jdbc.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the first schema script ({@code V1__init.sql}) of a dialect from {@link Schema}. The
 * scripts are committed as files (a host's Flyway can run them as they are); a test regenerates them
 * with this writer and fails if a committed script differs, so the model, the tables and the SQL the
 * store writes cannot drift apart. Later schema changes are new scripts ({@code V2__...}), written
 * by hand.
 *
 * <p>Table names carry the placeholder {@code ${prefix}}, replaced by the configured table prefix
 * (Flyway's placeholder syntax, so Flyway users set a placeholder named {@code prefix}).
 */
public final class DdlWriter {
    /** The placeholder for the table prefix in the scripts. */
    public static final String PREFIX = "${prefix}";

    /** Longest text indexed by its prefix on MariaDB (utf8mb4: 4 bytes a character, 3072 bytes a key). */
    private static final int MARIADB_INDEX_PREFIX = 255;

    private final Dialect dialect;

    private DdlWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The text of {@code V1__init.sql} for {@code dialect}. */
    public static String initScript(Dialect dialect) {
        return new DdlWriter(dialect).write();
    }

    private String write() {
        StringBuilder out = new StringBuilder();
        out.append("-- crmkit schema, version 1, ").append(dialect.name()).append(".\n")
                .append("-- Generated from the model by io.crmkit.jdbc.schema.DdlWriter; do not edit (add a V2 script).\n")
                .append("-- ${prefix} is the table prefix (default crm_).\n");
        for (RecordTable table : Schema.tables()) {
            table(out, table.name(), table.columns(), List.of("tenant_id", "id"));
            int n = 0;
            for (List<String> key : table.unique()) {
                index(out, true, table.name() + "_uk" + (++n), table.name(), key, table.columns());
            }
            n = 0;
            for (List<String> key : table.indexes()) {
                index(out, false, table.name() + "_ix" + (++n), table.name(), key, table.columns());
            }
        }
        List<Column> custom = List.of(
                new Column("tenant_id", ColumnType.ID, true),
                new Column("record_type", ColumnType.CODE, true),
                new Column("record_id", ColumnType.ID, true),
                new Column("name", ColumnType.CODE, true),
                new Column("seq", ColumnType.INTEGER, true),
                new Column("kind", ColumnType.CODE, true),
                new Column("text_value", ColumnType.TEXT, false),
                new Column("number_value", ColumnType.DECIMAL, false),
                new Column("flag_value", ColumnType.FLAG, false),
                new Column("date_value", ColumnType.DATE, false),
                new Column("ts_value", ColumnType.TIMESTAMP, false),
                new Column("currency", ColumnType.CURRENCY, false),
                new Column("group_key", ColumnType.TEXT, false));
        table(out, Schema.CUSTOM_VALUE, custom, List.of("tenant_id", "record_type", "record_id", "name", "seq"));
        index(out, false, "custom_value_ix1", Schema.CUSTOM_VALUE,
                List.of("tenant_id", "record_type", "name", "text_value"), custom);
        index(out, false, "custom_value_ix2", Schema.CUSTOM_VALUE,
                List.of("tenant_id", "record_type", "name", "number_value"), custom);
        index(out, false, "custom_value_ix3", Schema.CUSTOM_VALUE,
                List.of("tenant_id", "record_type", "name", "date_value"), custom);
        index(out, false, "custom_value_ix4", Schema.CUSTOM_VALUE,
                List.of("tenant_id", "record_type", "name", "ts_value"), custom);

        List<Column> installment = List.of(
                new Column("tenant_id", ColumnType.ID, true),
                new Column("plan_id", ColumnType.ID, true),
                new Column("number", ColumnType.INTEGER, true),
                new Column("account_id", ColumnType.ID, true),
                new Column("due_on", ColumnType.DATE, true),
                new Column("amount", ColumnType.DECIMAL, true),
                new Column("paid", ColumnType.DECIMAL, true),
                new Column("currency", ColumnType.CURRENCY, true),
                new Column("fully_paid", ColumnType.FLAG, true));
        table(out, Schema.INSTALLMENT, installment, List.of("tenant_id", "plan_id", "number"));
        index(out, false, "installment_ix1", Schema.INSTALLMENT,
                List.of("tenant_id", "fully_paid", "due_on", "plan_id", "number"), installment);
        index(out, false, "installment_ix2", Schema.INSTALLMENT, List.of("tenant_id", "account_id"), installment);

        List<Column> changeLog = List.of(
                new Column("tenant_id", ColumnType.ID, true),
                new Column("id", ColumnType.ID, true),
                new Column("at", ColumnType.TIMESTAMP, true),
                new Column("actor", ColumnType.ID, false),
                new Column("record_type", ColumnType.CODE, true),
                new Column("record_id", ColumnType.ID, true),
                new Column("context_type", ColumnType.CODE, false),
                new Column("context_id", ColumnType.ID, false),
                new Column("action", ColumnType.CODE, true),
                new Column("body", ColumnType.JSON, true));
        table(out, Schema.CHANGE_LOG, changeLog, List.of("tenant_id", "id"));
        index(out, false, "change_log_ix1", Schema.CHANGE_LOG,
                List.of("tenant_id", "record_type", "record_id", "at", "id"), changeLog);
        index(out, false, "change_log_ix2", Schema.CHANGE_LOG,
                List.of("tenant_id", "context_type", "context_id", "at", "id"), changeLog);
        index(out, false, "change_log_ix3", Schema.CHANGE_LOG, List.of("tenant_id", "action", "at"), changeLog);

        List<Column> outbox = List.of(
                new Column("id", ColumnType.ID, true),
                new Column("tenant_id", ColumnType.ID, true),
                new Column("dedup_key", ColumnType.TEXT, true),
                new Column("status", ColumnType.CODE, true),
                new Column("attempts", ColumnType.INTEGER, true),
                new Column("next_attempt_at", ColumnType.TIMESTAMP, true),
                new Column("last_error", ColumnType.TEXT, false),
                new Column("lease_owner", ColumnType.TEXT, false),
                new Column("lease_until", ColumnType.TIMESTAMP, false),
                new Column("delivered_at", ColumnType.TIMESTAMP, false),
                new Column("notification", ColumnType.JSON, true));
        table(out, Schema.OUTBOX, outbox, List.of("id"));
        index(out, true, "outbox_uk1", Schema.OUTBOX, List.of("tenant_id", "dedup_key"), outbox);
        index(out, false, "outbox_ix1", Schema.OUTBOX, List.of("status", "next_attempt_at", "id"), outbox);
        index(out, false, "outbox_ix2", Schema.OUTBOX, List.of("tenant_id", "status", "id"), outbox);

        out.append("\nCREATE TABLE ").append(PREFIX).append(Schema.LOCK).append(" (\n    lock_key VARCHAR(200)")
                .append(dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "").append(" NOT NULL,\n")
                .append("    PRIMARY KEY (lock_key)\n)").append(tableOptions()).append(";\n");
        return out.toString();
    }

    private void table(StringBuilder out, String name, List<Column> columns, List<String> primaryKey) {
        out.append("\nCREATE TABLE ").append(PREFIX).append(name).append(" (\n");
        for (Column column : columns) {
            out.append("    ").append(column.name()).append(' ').append(type(column.type()));
            if (column.notNull()) {
                out.append(" NOT NULL");
            }
            out.append(",\n");
        }
        out.append("    PRIMARY KEY (").append(String.join(", ", primaryKey)).append(")\n)")
                .append(tableOptions()).append(";\n");
    }

    private void index(StringBuilder out, boolean unique, String name, String table, List<String> key,
            List<Column> columns) {
        List<String> parts = new ArrayList<>();
        for (String columnName : key) {
            Column column = columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(table + " has no column " + columnName));
            boolean prefixed = dialect == Dialect.MARIADB
                    && (column.type() == ColumnType.TEXT || column.type() == ColumnType.JSON);
            parts.add(prefixed ? columnName + "(" + MARIADB_INDEX_PREFIX + ")" : columnName);
        }
        out.append(unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ").append(PREFIX).append(name)
                .append(" ON ").append(PREFIX).append(table)
                .append(" (").append(parts.stream().collect(Collectors.joining(", "))).append(");\n");
    }

    private String tableOptions() {
        // Binary, no-pad collation: text is compared and ordered exactly as Java compares it ('a' <> 'A',
        // 'a' <> 'a '), like the other stores.
        return dialect == Dialect.MARIADB ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin" : "";
    }

    private String type(ColumnType type) {
        return switch (dialect) {
            case H2 -> switch (type) {
                case ID, CODE -> "VARCHAR(64)";
                case CURRENCY -> "VARCHAR(3)";
                case TEXT -> "VARCHAR(1000000)";
                case INTEGER -> "BIGINT";
                case DECIMAL -> "DECIMAL(38, 12)";
                case FLAG -> "BOOLEAN";
                case DATE -> "DATE";
                case TIMESTAMP -> "TIMESTAMP(6)";
                case JSON -> "CLOB";
            };
            case POSTGRESQL -> switch (type) {
                // "C" collation: ids and codes order by code point, as Java strings do, whatever the
                // database's locale.
                case ID, CODE -> "VARCHAR(64) COLLATE \"C\"";
                case CURRENCY -> "VARCHAR(3) COLLATE \"C\"";
                case TEXT -> "TEXT COLLATE \"C\"";
                case INTEGER -> "BIGINT";
                case DECIMAL -> "NUMERIC(38, 12)";
                case FLAG -> "BOOLEAN";
                case DATE -> "DATE";
                case TIMESTAMP -> "TIMESTAMP(6)";
                case JSON -> "JSONB";
            };
            case MARIADB -> switch (type) {
                case ID, CODE -> "VARCHAR(64)";
                case CURRENCY -> "VARCHAR(3)";
                case TEXT -> "MEDIUMTEXT";
                case INTEGER -> "BIGINT";
                case DECIMAL -> "DECIMAL(38, 12)";
                case FLAG -> "BOOLEAN";
                case DATE -> "DATE";
                case TIMESTAMP -> "DATETIME(6)";
                case JSON -> "LONGTEXT";
            };
        };
    }
}
