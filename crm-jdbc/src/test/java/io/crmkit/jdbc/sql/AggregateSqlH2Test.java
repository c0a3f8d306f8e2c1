package io.crmkit.jdbc.sql;

import io.crmkit.jdbc.Dialect;

/** {@link AggregateSqlSuite} on in-memory H2. */
class AggregateSqlH2Test extends AggregateSqlSuite {
    @Override
    Dialect dialect() {
        return Dialect.H2;
    }
}
