package io.crmkit.jdbc.schema;

import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.TestDatabases;
import javax.sql.DataSource;

/** {@link SchemaMigratorContract} on H2 in memory. */
class SchemaMigratorH2Test extends SchemaMigratorContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.h2();
    }

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }
}
