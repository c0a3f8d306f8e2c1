package io.crmkit.jdbc.schema;

import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.sql.SqlNames;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schema runner's history table {@code <prefix>schema_history}: one row per applied script with
 * its version, description, file name, checksum, when the database installed it (the database's own
 * clock, as UTC) and whether it finished.
 */
final class SchemaHistory {
    /** One row of the history. */
    record Row(int version, String description, String script, String checksum, boolean success) {}

    private final Dialect dialect;
    private final String table;

    SchemaHistory(Dialect dialect, SqlNames names) {
        this.dialect = dialect;
        this.table = names.table(Schema.SCHEMA_HISTORY);
    }

    /** The table name, prefix included. */
    String table() {
        return table;
    }

    /** Creates the table unless it exists. */
    void createIfAbsent(Connection connection) throws SQLException {
        String installedOn = switch (dialect) {
            case H2, POSTGRESQL -> "TIMESTAMP(6)";
            case MARIADB -> "DATETIME(6)";
        };
        String tail = dialect == Dialect.MARIADB ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + "version INTEGER NOT NULL, "
                    + "description VARCHAR(200) NOT NULL, "
                    + "script VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, "
                    + "installed_on " + installedOn + " NOT NULL, "
                    + "success BOOLEAN NOT NULL, "
                    + "PRIMARY KEY (version))" + tail);
        }
    }

    /** Whether the table exists in the connection's current catalog and schema. */
    boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                : meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        String schema = dialect == Dialect.MARIADB ? null : connection.getSchema();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, name, null)) {
            while (tables.next()) {
                // The name is a LIKE pattern in which '_' matches any character: compare exactly.
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Every row, by version. */
    Map<Integer, Row> rows(Connection connection) throws SQLException {
        Map<Integer, Row> rows = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, description, script, checksum, success FROM " + table + " ORDER BY version");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Row row = new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
                rows.put(row.version(), row);
            }
        }
        return rows;
    }

    /**
     * Records {@code script}, stamped with the database's current time in UTC.
     *
     * @throws SQLException with a unique-key violation if its version is already recorded
     */
    void insert(Connection connection, SchemaScript script, boolean success) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (version, description, script, checksum, installed_on, success) VALUES (?, ?, ?, ?, "
                + nowUtc() + ", ?)")) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            insert.setString(3, script.script());
            insert.setString(4, script.checksum());
            insert.setBoolean(5, success);
            insert.executeUpdate();
        }
    }

    /** Marks the (claimed) row of {@code version} as finished, stamped with the database's time. */
    void markSucceeded(Connection connection, int version) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET success = ?, installed_on = " + nowUtc() + " WHERE version = ?")) {
            update.setBoolean(1, true);
            update.setInt(2, version);
            update.executeUpdate();
        }
    }

    /** Deletes the unfinished row of {@code version}, so another start can apply it. */
    void deleteUnfinished(Connection connection, int version) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE version = ? AND success = ?")) {
            delete.setInt(1, version);
            delete.setBoolean(2, false);
            delete.executeUpdate();
        }
    }

    /** The dialect's expression for the database's current time as a UTC date-time (no Java clock). */
    private String nowUtc() {
        return switch (dialect) {
            case POSTGRESQL -> "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";
            case H2 -> "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP(6))";
            case MARIADB -> "UTC_TIMESTAMP(6)";
        };
    }
}
