package io.crmkit.jdbc.storm;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The claim and allocation storms on MariaDb. */
@Tag("mariadb")
class MariaDbStormTest extends StoreStorms {
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
