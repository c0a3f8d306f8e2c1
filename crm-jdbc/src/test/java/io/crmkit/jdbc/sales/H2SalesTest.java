package io.crmkit.jdbc.sales;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;

/** The sales commands on H2. */

class H2SalesTest extends SalesOnDatabase {
    private static CrmStore store;

    @BeforeAll
    static void connect() {
        store = TestStores.h2();
    }

    @Override
    CrmStore store() {
        return store;
    }
}
