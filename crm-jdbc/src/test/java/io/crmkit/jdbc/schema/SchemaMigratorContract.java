package io.crmkit.jdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.SchemaMode;
import io.crmkit.jdbc.sql.SqlNames;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link SchemaMigrator} promises, run on each database by a subclass. One database per class;
 * each test works on its own table prefix, so the tests also prove that prefixes keep stores apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaMigratorContract {
    private static final List<String> SHARED_TABLES = List.of(Schema.CUSTOM_VALUE, Schema.INSTALLMENT,
            Schema.CHANGE_LOG, Schema.OUTBOX, Schema.LOCK);
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private DataSource database;

    /** A fresh, empty database. */
    abstract DataSource newDatabase();

    /** Its dialect. */
    abstract Dialect dialect();

    @BeforeAll
    void createDatabase() {
        database = newDatabase();
    }

    private static SqlNames freshPrefix() {
        return new SqlNames("t" + PREFIXES.incrementAndGet() + "_");
    }

    private SchemaScript v1() {
        return SchemaScript.of(dialect()).get(0);
    }

    @Test
    void createOnAnEmptyDatabaseCreatesEveryTableWithEveryColumnAndRecordsV1() throws SQLException {
        SqlNames names = freshPrefix();

        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE);

        for (RecordTable table : Schema.tables()) {
            List<String> expected = table.columns().stream().map(Column::name).toList();
            assertThat(columns(names.table(table))).as(names.table(table)).containsExactlyInAnyOrderElementsOf(expected);
        }
        for (String shared : SHARED_TABLES) {
            assertThat(columns(names.table(shared))).as(names.table(shared)).isNotEmpty();
        }
        List<Object[]> history = history(names);
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsExactly(1, "init", "V1__init.sql", v1().checksum(), true);
        assertThat(installedOn(names)).isNotNull();
    }

    @Test
    void aSecondCreateAppliesNothing() throws SQLException {
        SqlNames names = freshPrefix();
        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE);
        Timestamp installed = installedOn(names);
        execute("INSERT INTO " + names.table(Schema.LOCK) + " (lock_key) VALUES ('kept')");

        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE);

        assertThat(history(names)).hasSize(1);
        assertThat(installedOn(names)).isEqualTo(installed);
        assertThat(count("SELECT COUNT(*) FROM " + names.table(Schema.LOCK))).as("rows survive").isEqualTo(1);
    }

    @Test
    void validatePassesAfterCreate() {
        SqlNames names = freshPrefix();
        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE);

        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.VALIDATE);
    }

    @Test
    void validateOnAnEmptyDatabaseFailsTypedAndCreatesNothing() throws SQLException {
        SqlNames names = freshPrefix();

        assertThatThrownBy(() -> SchemaMigrator.migrate(database, dialect(), names, SchemaMode.VALIDATE))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("schema", ErrorCode.FIELD_INVALID)).isTrue();
                    assertThat(e.getMessage()).contains(names.table(Schema.SCHEMA_HISTORY), "does not exist");
                });
        assertThat(columns(names.table(Schema.SCHEMA_HISTORY))).isEmpty();
        assertThat(columns(names.table(Schema.OUTBOX))).isEmpty();
    }

    @Test
    void validateFailsTypedWhenAnAppliedScriptChanged() throws SQLException {
        SqlNames names = freshPrefix();
        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE);
        update("UPDATE " + names.table(Schema.SCHEMA_HISTORY) + " SET checksum = ? WHERE version = 1", "0".repeat(64));

        assertThatThrownBy(() -> SchemaMigrator.migrate(database, dialect(), names, SchemaMode.VALIDATE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().extracting(Violation::message).asString()
                        .contains("version 1 (V1__init.sql)", "checksum " + "0".repeat(64), v1().checksum()));
    }

    @Test
    void anUnknownNewerVersionFailsValidateAndCreate() throws SQLException {
        SqlNames names = freshPrefix();
        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE);
        execute("INSERT INTO " + names.table(Schema.SCHEMA_HISTORY)
                + " (version, description, script, checksum, installed_on, success)"
                + " SELECT 7, 'from the future', 'V7__from_the_future.sql', checksum, installed_on, success FROM "
                + names.table(Schema.SCHEMA_HISTORY) + " WHERE version = 1");

        for (SchemaMode mode : List.of(SchemaMode.VALIDATE, SchemaMode.CREATE)) {
            assertThatThrownBy(() -> SchemaMigrator.migrate(database, dialect(), names, mode)).as(mode.name())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                            .contains("version 7 (V7__from_the_future.sql)", "newer"));
        }
    }

    @Test
    void twoPrefixesLiveSideBySideInOneDatabase() throws SQLException {
        SqlNames first = freshPrefix();
        SqlNames second = freshPrefix();

        SchemaMigrator.migrate(database, dialect(), first, SchemaMode.CREATE);
        SchemaMigrator.migrate(database, dialect(), second, SchemaMode.CREATE);
        execute("INSERT INTO " + first.table(Schema.LOCK) + " (lock_key) VALUES ('first only')");
        update("UPDATE " + first.table(Schema.SCHEMA_HISTORY) + " SET checksum = ? WHERE version = 1", "f".repeat(64));

        assertThat(count("SELECT COUNT(*) FROM " + second.table(Schema.LOCK))).isZero();
        assertThat(history(second)).hasSize(1);
        SchemaMigrator.migrate(database, dialect(), second, SchemaMode.VALIDATE);
        assertThatThrownBy(() -> SchemaMigrator.migrate(database, dialect(), first, SchemaMode.VALIDATE))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void concurrentCreatesApplyV1ExactlyOnce() throws Exception {
        SqlNames names = freshPrefix();
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Void> create = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE);
                    return null;
                };
                results.add(pool.submit(create));
            }
            // A second application would fail on "table exists", so every start must succeed.
            for (Future<Void> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(history(names)).hasSize(1);
        assertThat(history(names).get(0)[4]).isEqualTo(true);
        SchemaMigrator.migrate(database, dialect(), names, SchemaMode.VALIDATE);
    }

    @Test
    void aFailingStatementRecordsNothingAndSaysWhichStatementFailed() throws SQLException {
        SqlNames names = freshPrefix();
        // The script's last statement creates lock_key: make it fail there, after everything else ran.
        execute("CREATE TABLE " + names.table(Schema.LOCK) + " (other INTEGER)");
        int statements = v1().statements(names.prefix()).size();

        assertThatThrownBy(() -> SchemaMigrator.migrate(database, dialect(), names, SchemaMode.CREATE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("V1__init.sql statement " + statements + " of " + statements,
                                "CREATE TABLE " + names.table(Schema.LOCK)));

        assertThat(history(names)).isEmpty();
        boolean leadKept = !columns(names.table(Schema.table(io.crmkit.core.record.RecordType.LEAD))).isEmpty();
        // PostgreSQL rolls the whole script back; H2 and MariaDB commit each DDL statement by itself.
        assertThat(leadKept).isEqualTo(dialect() != Dialect.POSTGRESQL);
    }

    @Test
    void noneOpensNoConnection() {
        SchemaMigrator.migrate(new NoConnections(), dialect(), freshPrefix(), SchemaMode.NONE);
    }

    // --- helpers ---

    /** The columns of {@code table} in lower case, in table order; empty if the table does not exist. */
    private List<String> columns(String table) throws SQLException {
        try (Connection connection = database.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            String schema = dialect() == Dialect.MARIADB ? null : connection.getSchema();
            Set<String> columns = new LinkedHashSet<>();
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, name, null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return List.copyOf(columns);
        }
    }

    private List<Object[]> history(SqlNames names) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version, description, script, checksum, success FROM "
                        + names.table(Schema.SCHEMA_HISTORY) + " ORDER BY version")) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)});
            }
        } catch (SQLException e) {
            if (columns(names.table(Schema.SCHEMA_HISTORY)).isEmpty()) {
                return rows;
            }
            throw e;
        }
        return rows;
    }

    private Timestamp installedOn(SqlNames names) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT installed_on FROM "
                        + names.table(Schema.SCHEMA_HISTORY) + " WHERE version = 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getTimestamp(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void update(String sql, String value) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** A DataSource that fails the test if anyone asks it for a connection. */
    private static final class NoConnections implements DataSource {
        @Override
        public Connection getConnection() {
            throw new AssertionError("SchemaMode.NONE must not open a connection");
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new AssertionError("SchemaMode.NONE must not open a connection");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no logger");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
