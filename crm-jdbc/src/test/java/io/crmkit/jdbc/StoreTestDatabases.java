package io.crmkit.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Databases for the store's tests. Until the schema runner lands, the schema is created here by
 * running the committed V1 script of the dialect with {@code ${prefix}} replaced, and stores are built
 * with {@link SchemaMode#NONE}.
 */
final class StoreTestDatabases {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private StoreTestDatabases() {}

    /** A fresh, empty H2 in-memory database that lives until the JVM ends. */
    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: the database outlives its connections, as the store opens one per unit of work.
        dataSource.setURL("jdbc:h2:mem:jdbcstore_" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    /** A fresh H2 in-memory database whose lock waits give up after {@code millis}. */
    static DataSource h2WithLockTimeout(int millis) {
        JdbcDataSource dataSource = (JdbcDataSource) h2();
        dataSource.setURL(dataSource.getURL() + ";LOCK_TIMEOUT=" + millis);
        return dataSource;
    }

    /** Creates the schema of {@code dialect} with {@code prefix} by running its V1 script. */
    static void createSchema(DataSource dataSource, Dialect dialect, String prefix) {
        String script = initScript(dialect).replace("${prefix}", prefix);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\n")) {
                String trimmed = stripComments(sql).trim();
                if (!trimmed.isEmpty()) {
                    statement.execute(trimmed);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating the " + dialect + " schema: " + e.getMessage(), e);
        }
    }

    /** A store on {@code dataSource} whose schema this class created. */
    static JdbcCrmStore store(DataSource dataSource, Dialect dialect) {
        createSchema(dataSource, dialect, "crm_");
        return JdbcCrmStore.builder().dataSource(dataSource).schemaMode(SchemaMode.NONE)
                .clock(java.time.Clock.fixed(io.crmkit.tck.TckFixtures.BASE, java.time.ZoneOffset.UTC)).build();
    }

    private static String initScript(Dialect dialect) {
        String resource = "db/crm/" + dialect.folder() + "/V1__init.sql";
        try (InputStream in = StoreTestDatabases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
