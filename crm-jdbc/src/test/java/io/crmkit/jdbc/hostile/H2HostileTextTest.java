package io.crmkit.jdbc.hostile;

import io.crmkit.jdbc.TestStores;
import io.crmkit.spi.CrmStore;
import org.junit.jupiter.api.BeforeAll;

/** Hostile text stored and matched literally on H2. */
class H2HostileTextTest extends HostileTextContract {
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
