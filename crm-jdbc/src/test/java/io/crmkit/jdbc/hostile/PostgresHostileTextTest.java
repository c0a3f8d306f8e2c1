package io.crmkit.jdbc.hostile;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;

/** Hostile text stored and matched literally on Postgres. */
class PostgresHostileTextTest extends HostileTextContract {
    private static CrmStore store;

    @BeforeAll
    static void connect() {
        store = TestStores.postgres();
    }

    @Override
    CrmStore store() {
        return store;
    }
}
