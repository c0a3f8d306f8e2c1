package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;

/**
 * A throw-away database with the V1 schema (prefix {@code crm_}) for the compiler tests: H2 in
 * memory, or a database {@code jdbcsql_<random>} of its own on the local PostgreSQL or MariaDB
 * server, dropped again by {@link #close()}. When a server is unreachable the test is skipped with
 * a message (under {@code CI=true} it fails instead, as the architecture asks).
 */
final class TestDatabase implements AutoCloseable {
    static final SqlNames NAMES = new SqlNames(SqlNames.DEFAULT_PREFIX);


    final Dialect dialect;
    final Connection connection;
    private final String name;

    private TestDatabase(Dialect dialect, Connection connection, String name) {
        this.dialect = dialect;
        this.connection = connection;
        this.name = name;
    }

    /** A fresh database of {@code dialect} with the schema applied. */
    static TestDatabase open(Dialect dialect) throws SQLException, IOException {
        String name = "jdbcsql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Connection connection = switch (dialect) {
            case H2 -> DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            // The shared test databases: the embedded PostgreSQL, and MariaDB where one answers (skipped
            // with a message otherwise, failed under CI=true).
            case POSTGRESQL -> TestDatabases.postgres().getConnection();
            case MARIADB -> TestDatabases.mariadb().getConnection();
        };
        TestDatabase db = new TestDatabase(dialect, connection, name);
        db.applySchema();
        return db;
    }

    private void applySchema() throws IOException, SQLException {
        String resource = "db/crm/" + dialect.folder() + "/V1__init.sql";
        String script;
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            Assertions.assertNotNull(in, resource);
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", NAMES.prefix());
        }
        try (Statement statement = connection.createStatement()) {
            for (String part : script.split(";\n")) {
                StringBuilder sql = new StringBuilder();
                for (String line : part.split("\n")) {
                    if (!line.startsWith("--")) {
                        sql.append(line).append('\n');
                    }
                }
                if (!sql.toString().isBlank()) {
                    statement.execute(sql.toString());
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        switch (dialect) {
            case H2 -> {
                // An in-memory H2 database goes with its last connection once DB_CLOSE_DELAY is lifted.
                try (Connection last = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
                        Statement s = last.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
            case POSTGRESQL, MARIADB -> {
                // TestDatabases drops its databases when the JVM exits.
            }
        }
    }

    @Override
    public String toString() {
        return dialect.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
