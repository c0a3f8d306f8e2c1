package io.crmkit.jdbc.sql;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How Java values travel to and from columns, the same way on every dialect. Instants are stored
 * as their UTC date and time ({@code TIMESTAMP}/{@code DATETIME} without zone), so no session or
 * server time zone ever shifts them; dates as {@code DATE}; money amounts and numbers as exact
 * decimals.
 */
public final class SqlValues {
    private SqlValues() {}

    /** A typed SQL NULL parameter. @param sqlType the {@link Types} constant */
    public record Null(int sqlType) {}

    /** A NULL text parameter. */
    public static final Null NULL_TEXT = new Null(Types.VARCHAR);

    /** Binds every parameter of {@code fragment} to {@code statement}, from index 1. */
    public static void bindAll(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(statement, i + 1, params.get(i));
        }
    }

    /**
     * Binds one value: String, BigDecimal, Long, Integer, Boolean, LocalDate, Instant or {@link Null}.
     *
     * @throws IllegalArgumentException for any other type (a programming error of the store)
     */
    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Null n) {
            statement.setNull(index, n.sqlType());
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof BigDecimal d) {
            statement.setBigDecimal(index, d);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Integer i) {
            statement.setLong(index, i);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, toColumn(instant));
        } else {
            throw new IllegalArgumentException("cannot bind a " + (value == null ? "null" : value.getClass().getName()));
        }
    }

    /** The column form of an instant: its UTC date and time. */
    public static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Reads an instant column (null stays null). */
    public static Instant instant(ResultSet rows, String column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Reads an instant column by index (null stays null). */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Reads a date column (null stays null). */
    public static LocalDate date(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }

    /** A Java timestamp for drivers that want one. */
    public static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(toColumn(instant));
    }
}
