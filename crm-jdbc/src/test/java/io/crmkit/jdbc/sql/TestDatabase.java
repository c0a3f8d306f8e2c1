package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;
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
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away database with the V1 schema (prefix {@code crm_}) for the compiler tests: H2 in
 * memory, or a database {@code jdbcsql_<random>} of its own on the local PostgreSQL or MariaDB
 * server, dropped again by {@link #close()}. When a server is unreachable the test is skipped with
 * a message (under {@code CI=true} it fails instead, as the architecture asks).
 */
final class TestDatabase implements AutoCloseable {
    static final SqlNames NAMES = new SqlNames(SqlNames.DEFAULT_PREFIX);

    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test";

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
            case POSTGRESQL -> {
                try (Connection admin = reach(PG_ADMIN, "postgres", ""); Statement s = admin.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                yield DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
            }
            case MARIADB -> {
                try (Connection admin = reach(MARIADB_ADMIN, "root", ""); Statement s = admin.createStatement()) {
                    s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                }
                yield DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + name, "root", "");
            }
        };
        TestDatabase db = new TestDatabase(dialect, connection, name);
        db.applySchema();
        return db;
    }

    private static Connection reach(String url, String user, String password) throws SQLException {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            String message = "no database server at " + url + " (" + e.getMessage() + "): skipping";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message);
            throw e; // not reached: abort throws
        }
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
            case POSTGRESQL -> {
                try (Connection admin = DriverManager.getConnection(PG_ADMIN, "postgres", "");
                        Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
            }
            case MARIADB -> {
                try (Connection admin = DriverManager.getConnection(MARIADB_ADMIN, "root", "");
                        Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
            }
        }
    }

    @Override
    public String toString() {
        return dialect.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
