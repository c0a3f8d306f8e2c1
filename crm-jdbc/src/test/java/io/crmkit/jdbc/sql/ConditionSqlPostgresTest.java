package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;

/** {@link ConditionSqlSuite} on the local PostgreSQL server (skipped when unreachable). */
class ConditionSqlPostgresTest extends ConditionSqlSuite {
    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    int examples() {
        return 60;
    }
}
