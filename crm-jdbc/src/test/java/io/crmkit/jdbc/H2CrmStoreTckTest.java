package io.crmkit.jdbc;

import io.crmkit.spi.CrmStore;
import io.crmkit.tck.CrmStoreTck;

/**
 * The whole conformance kit against the JDBC store on an H2 in-memory database. One store (one
 * database) serves every test, as in production: the kit's tests keep apart by tenant.
 */
class H2CrmStoreTckTest implements CrmStoreTck {
    private static final CrmStore STORE = StoreTestDatabases.store(StoreTestDatabases.h2(), Dialect.H2);

    @Override
    public CrmStore store() {
        return STORE;
    }
}
