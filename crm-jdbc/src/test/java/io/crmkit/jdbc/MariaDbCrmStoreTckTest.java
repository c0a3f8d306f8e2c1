package io.crmkit.jdbc;

import io.crmkit.spi.CrmStore;
import io.crmkit.tck.CrmStoreTck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The whole conformance kit against the JDBC store on MariaDB at {@code 127.0.0.1:3306}: skipped with
 * a message where no server runs, failed under {@code CI=true}.
 */
@Tag("mariadb")
class MariaDbCrmStoreTckTest implements CrmStoreTck {
    private static CrmStore store;

    @BeforeAll
    static void connect() {
        store = TestStores.mariadb();
    }

    @Override
    public CrmStore store() {
        return store;
    }
}
