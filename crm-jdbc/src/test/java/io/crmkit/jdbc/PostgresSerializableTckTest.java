package io.crmkit.jdbc;

import io.crmkit.spi.CrmStore;
import io.crmkit.tck.CrmStoreTck;

/**
 * The whole conformance kit on PostgreSQL at SERIALIZABLE isolation, as a host on
 * PostgreSQL-compatible distributed SQL runs it: every serialization failure (SQLSTATE 40001) must
 * be retried by the store, invisibly to the work, and every contract still holds.
 */
class PostgresSerializableTckTest implements CrmStoreTck {
    private static final CrmStore STORE = TestStores.postgres(JdbcCrmStore.Isolation.SERIALIZABLE);

    @Override
    public CrmStore store() {
        return STORE;
    }
}
