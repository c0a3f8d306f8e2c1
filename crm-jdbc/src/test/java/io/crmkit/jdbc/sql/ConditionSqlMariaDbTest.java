package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;
import org.junit.jupiter.api.Tag;

/** {@link ConditionSqlSuite} on MariaDB (skipped with a message when none answers, failed under CI=true). */
@Tag("mariadb")
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
