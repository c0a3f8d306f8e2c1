package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;

/** {@link ConditionSqlSuite} on in-memory H2. */
class ConditionSqlH2Test extends ConditionSqlSuite {
    @Override
    Dialect dialect() {
        return Dialect.H2;
    }
}
