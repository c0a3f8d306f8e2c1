package io.crmkit.jdbc.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with its bound parameters, in order. The SQL text holds only names the store chose
 * (tables, columns) and {@code ?} placeholders; every value, user input or not, travels as a
 * parameter and is bound by {@link SqlValues#bind}.
 *
 * @param sql the SQL text
 * @param params the parameter values, one per {@code ?}: String, BigDecimal, Long, Integer, Boolean,
 *     LocalDate, Instant, or {@link SqlValues.Null} for a typed null
 */
public record SqlFragment(String sql, List<Object> params) {
    /** Copies the parameters (which may not hold plain nulls). */
    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableList(new ArrayList<>(params));
        for (Object param : params) {
            Objects.requireNonNull(param, "a parameter: use SqlValues.Null for a null");
        }
    }

    /** SQL without parameters. */
    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** SQL with parameters. */
    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }

    /** This fragment followed by {@code other} (separated by a space). */
    public SqlFragment then(SqlFragment other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment(sql + " " + other.sql, all);
    }
}
