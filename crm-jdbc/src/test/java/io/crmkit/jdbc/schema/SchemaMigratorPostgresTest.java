package io.crmkit.jdbc.schema;

import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.TestDatabases;
import javax.sql.DataSource;

/** {@link SchemaMigratorContract} on embedded PostgreSQL. */
class SchemaMigratorPostgresTest extends SchemaMigratorContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
