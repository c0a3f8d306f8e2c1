package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;

/** {@link AggregateSqlSuite} on the local MariaDB server (skipped when unreachable). */
class AggregateSqlMariaDbTest extends AggregateSqlSuite {
    @Override
    Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    int examples() {
        return 60;
    }
}
