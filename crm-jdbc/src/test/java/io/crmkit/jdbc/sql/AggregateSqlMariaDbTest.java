package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;
import org.junit.jupiter.api.Tag;

/** {@link AggregateSqlSuite} on MariaDB (skipped with a message when none answers, failed under CI=true). */
@Tag("mariadb")
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
