package io.crmkit.jdbc.internal;

import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.sql.SqlFragment;
import io.crmkit.jdbc.sql.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC moves every store part makes: run a statement with bound parameters, read rows. */
final class JdbcSql {
    /** Earliest date every dialect can hold (MariaDB's DATE starts at year 1000, PostgreSQL's before year 1). */
    static final LocalDate FIRST_STORABLE_DATE = LocalDate.of(1000, 1, 1);
    /** Latest date every dialect can hold. */
    static final LocalDate LAST_STORABLE_DATE = LocalDate.of(9999, 12, 31);

    private JdbcSql() {}

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    /** The placeholder of a JSON value: PostgreSQL's jsonb takes text only through a cast. */
    static String jsonParameter(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "CAST(? AS jsonb)" : "?";
    }

    /** Runs an INSERT, UPDATE or DELETE. @return the rows it changed */
    static int update(Connection connection, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqlValues.bindAll(statement, params);
            return statement.executeUpdate();
        }
    }

    /** Runs {@code fragment} as an INSERT, UPDATE or DELETE. */
    static int update(Connection connection, SqlFragment fragment) throws SQLException {
        return update(connection, fragment.sql(), fragment.params());
    }

    /** Runs one statement once per parameter list, as a batch. */
    static void batch(Connection connection, String sql, List<List<Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (List<Object> params : rows) {
                SqlValues.bindAll(statement, params);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Runs a query and reads every row. */
    static <R> List<R> query(Connection connection, String sql, List<Object> params, RowReader<R> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqlValues.bindAll(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<R> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(reader.read(rows));
                }
                return out;
            }
        }
    }

    /** Runs {@code fragment} as a query and reads every row. */
    static <R> List<R> query(Connection connection, SqlFragment fragment, RowReader<R> reader) throws SQLException {
        return query(connection, fragment.sql(), fragment.params(), reader);
    }

    /** Runs a query whose one row holds one number (a COUNT). */
    static long count(Connection connection, SqlFragment fragment) throws SQLException {
        List<Long> counts = query(connection, fragment, row -> row.getLong(1));
        return counts.isEmpty() ? 0 : counts.get(0);
    }
}
