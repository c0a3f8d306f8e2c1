package io.crmkit.jdbc.sales;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;

/** The sales commands on Postgres. */

class PostgresSalesTest extends SalesOnDatabase {
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
