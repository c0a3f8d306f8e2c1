package io.crmkit.jdbc.schema;

import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;

/** {@link SchemaMigratorContract} on the MariaDB server at 127.0.0.1:3306 (skipped when none runs, failing under CI=true). */
@Tag("mariadb")
class SchemaMigratorMariaDbTest extends SchemaMigratorContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    Dialect dialect() {
        return Dialect.MARIADB;
    }
}
