package io.crmkit.jdbc.storm;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;

/** The claim and allocation storms on Postgres. */
class PostgresStormTest extends StoreStorms {
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
