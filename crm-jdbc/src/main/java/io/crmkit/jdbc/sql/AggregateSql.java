package io.crmkit.jdbc.sql;

import io.crmkit.core.identity.TenantId;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.RecordTable;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Runs aggregate queries as GROUP BY (placeholder: the compiler lands separately). */
public final class AggregateSql {
    private AggregateSql() {}

    /** The rows of {@code query} over the tenant's records of {@code table}, as the SPI specifies them. */
    public static List<AggregateRow> run(Connection connection, Dialect dialect, SqlNames names, RecordTable table,
            TenantId tenant, AggregateQuery query, QueryContext context) throws SQLException {
        throw new IllegalStateException("aggregate compiler not written yet");
    }
}
