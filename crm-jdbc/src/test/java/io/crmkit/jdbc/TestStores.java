package io.crmkit.jdbc;

import io.crmkit.tck.TckFixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * JDBC stores for tests, each on a fresh database from {@link TestDatabases} with its schema created
 * by the real schema runner ({@link SchemaMode#CREATE}), as a host would build one. Ids come from a
 * fixed clock at {@link TckFixtures#BASE} (time-ordered ids stay unique through their counter part).
 */
public final class TestStores {
    private TestStores() {}

    /** A store on a fresh in-memory H2 database. */
    public static JdbcCrmStore h2() {
        return on(TestDatabases.h2(), JdbcCrmStore.Isolation.READ_COMMITTED);
    }

    /** A store on a fresh database of the embedded PostgreSQL, at READ COMMITTED. */
    public static JdbcCrmStore postgres() {
        return on(TestDatabases.postgres(), JdbcCrmStore.Isolation.READ_COMMITTED);
    }

    /** A store on a fresh database of the embedded PostgreSQL, at {@code isolation}. */
    public static JdbcCrmStore postgres(JdbcCrmStore.Isolation isolation) {
        return on(TestDatabases.postgres(), isolation);
    }

    /** A store on a fresh MariaDB database (skipped, or failed under CI, when no server answers). */
    public static JdbcCrmStore mariadb() {
        return on(TestDatabases.mariadb(), JdbcCrmStore.Isolation.READ_COMMITTED);
    }

    private static JdbcCrmStore on(DataSource dataSource, JdbcCrmStore.Isolation isolation) {
        return JdbcCrmStore.builder().dataSource(dataSource).schemaMode(SchemaMode.CREATE).isolation(isolation)
                .clock(Clock.fixed(TckFixtures.BASE, ZoneOffset.UTC)).build();
    }
}
