package io.crmkit.jdbc.sales;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The sales commands on MariaDb. */
@Tag("mariadb")
class MariaDbSalesTest extends SalesOnDatabase {
    private static CrmStore store;

    @BeforeAll
    static void connect() {
        store = TestStores.mariadb();
    }

    @Override
    CrmStore store() {
        return store;
    }
}
