package io.crmkit.jdbc;

import io.crmkit.spi.CrmStore;
import io.crmkit.tck.CrmStoreTck;

/** The whole conformance kit against the JDBC store on the embedded PostgreSQL (real binaries, no Docker). */
class PostgresCrmStoreTckTest implements CrmStoreTck {
    private static final CrmStore STORE = TestStores.postgres();

    @Override
    public CrmStore store() {
        return STORE;
    }
}
