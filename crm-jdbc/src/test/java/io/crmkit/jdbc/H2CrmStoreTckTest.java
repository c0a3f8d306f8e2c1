package io.crmkit.jdbc;

import io.crmkit.spi.CrmStore;
import io.crmkit.tck.CrmStoreTck;

/**
 * The whole conformance kit against the JDBC store on an H2 in-memory database whose schema the
 * schema runner created. One store (one database) serves every test, as in production: the kit's
 * tests keep apart by tenant.
 */
class H2CrmStoreTckTest implements CrmStoreTck {
    private static final CrmStore STORE = TestStores.h2();

    @Override
    public CrmStore store() {
        return STORE;
    }
}
