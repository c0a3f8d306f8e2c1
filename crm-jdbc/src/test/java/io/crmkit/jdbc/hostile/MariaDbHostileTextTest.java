package io.crmkit.jdbc.hostile;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Hostile text stored and matched literally on MariaDb. */
@Tag("mariadb")
class MariaDbHostileTextTest extends HostileTextContract {
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
