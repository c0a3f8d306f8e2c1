package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;

/** {@link AggregateSqlSuite} on the local PostgreSQL server (skipped when unreachable). */
class AggregateSqlPostgresTest extends AggregateSqlSuite {
    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    int examples() {
        return 60;
    }
}
