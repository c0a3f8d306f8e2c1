package io.crmkit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, empty databases for tests, one per call: H2 in memory, PostgreSQL on one embedded server per
 * JVM, and MariaDB on the server at {@code 127.0.0.1:3306}. The intended use is one database per test
 * class (databases are cheap, but not free).
 *
 * <p>MariaDB is found at {@code jdbc:mariadb://127.0.0.1:3306} as {@code root} with an empty password,
 * unless the environment says otherwise: {@code CRM_MARIADB_URL} (the server's URL, without a
 * database or parameters), {@code CRM_MARIADB_USER}, {@code CRM_MARIADB_PASSWORD}. When no server answers, MariaDB
 * tests are skipped with a visible message, except under {@code CI=true}, where they fail: CI must
 * provide MariaDB. Test classes that use it are tagged {@code @Tag("mariadb")}.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Distinguishes this JVM's databases on shared servers from those of other builds running at once. */
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private TestDatabases() {}

    /** A fresh, empty in-memory H2 database, kept until the JVM exits. */
    public static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:crmtest" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    /**
     * A fresh, empty database on this JVM's embedded PostgreSQL, started on first use and stopped when
     * the JVM exits. Every {@code getConnection()} opens a new connection.
     *
     * @throws IllegalStateException if the embedded server cannot start or the database cannot be created
     */
    public static DataSource postgres() {
        String name = "crmtest_" + COUNTER.incrementAndGet();
        EmbeddedPostgres server = Postgres.SERVER;
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            // A test-chosen name, no outside value.
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on embedded PostgreSQL", e);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server.getPort()});
        dataSource.setDatabaseName(name);
        dataSource.setUser("postgres");
        return dataSource;
    }

    /**
     * A fresh, empty database on the MariaDB server, dropped when the JVM exits.
     *
     * @throws org.opentest4j.TestAbortedException (the test is skipped) if no server answers, unless
     *     {@code CI=true}
     * @throws IllegalStateException if no server answers under {@code CI=true}, or the database cannot
     *     be created
     */
    public static DataSource mariadb() {
        MariaDb server = MariaDb.server();
        String name = "crmtest_" + RUN + "_" + COUNTER.incrementAndGet();
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on MariaDB at " + server.url, e);
        }
        server.created(name);
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(server.url + "/" + name);
            dataSource.setUser(server.user);
            dataSource.setPassword(server.password);
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException("bad MariaDB URL " + server.url, e);
        }
    }

    /** The embedded PostgreSQL server, started when first needed (class initialisation is thread-safe). */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER;

        static {
            try {
                SERVER = EmbeddedPostgresLauncher.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }

    /** The MariaDB server and the databases this JVM created on it. */
    private static final class MariaDb {
        private static volatile MariaDb instance;

        final String url;
        final String user;
        final String password;
        private final List<String> databases = new ArrayList<>();

        private MariaDb(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        static synchronized MariaDb server() {
            if (instance == null) {
                String url = env("CRM_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306");
                MariaDb server = new MariaDb(url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                        env("CRM_MARIADB_USER", "root"), env("CRM_MARIADB_PASSWORD", ""));
                try (Connection probe = server.connect()) {
                    probe.isValid(5);
                } catch (SQLException e) {
                    String message = "MariaDB not reachable at " + server.url + " as " + server.user + " ("
                            + e.getMessage() + ")";
                    if ("true".equals(System.getenv("CI"))) {
                        throw new IllegalStateException(message + ": CI must provide MariaDB (see .ci/run)", e);
                    }
                    // Tests log through slf4j-nop, so say it where a developer sees it.
                    System.err.println("[TestDatabases] " + message + ": MariaDB tests skipped");
                    Assumptions.abort(message + ": MariaDB tests skipped");
                }
                Runtime.getRuntime().addShutdownHook(new Thread(server::dropAll, "crmtest-mariadb-cleanup"));
                instance = server;
            }
            return instance;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url + "/?connectTimeout=3000", user, password);
        }

        synchronized void created(String name) {
            databases.add(name);
        }

        private synchronized void dropAll() {
            try (Connection admin = connect(); Statement statement = admin.createStatement()) {
                for (String name : databases) {
                    statement.execute("DROP DATABASE IF EXISTS " + name.toLowerCase(Locale.ROOT));
                }
            } catch (SQLException e) {
                System.err.println("[TestDatabases] could not drop test databases " + databases + " on " + url
                        + ": " + e.getMessage());
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
