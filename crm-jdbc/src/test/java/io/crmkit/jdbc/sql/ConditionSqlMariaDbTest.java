package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;

/** {@link ConditionSqlSuite} on the local MariaDB server (skipped when unreachable). */
class ConditionSqlMariaDbTest extends ConditionSqlSuite {
    @Override
    Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    int examples() {
        return 60;
    }
}
