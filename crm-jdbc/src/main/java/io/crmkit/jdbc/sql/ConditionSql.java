package io.crmkit.jdbc.sql;

import io.crmkit.core.condition.Condition;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.RecordTable;
import io.crmkit.spi.QueryContext;

/** Compiles condition trees to SQL (placeholder: the compiler lands separately). */
public final class ConditionSql {
    private ConditionSql() {}

    /**
     * A two-valued boolean SQL expression that is true exactly for the rows of {@code table} (aliased
     * {@code alias}) whose record {@code condition} matches, with the semantics fixed on
     * {@link Condition}; {@code 1=1} for a null condition.
     */
    public static SqlFragment where(Dialect dialect, SqlNames names, RecordTable table, String alias,
            Condition condition, QueryContext context) {
        if (condition == null) {
            return SqlFragment.of("1=1");
        }
        throw new IllegalStateException("condition compiler not written yet");
    }
}
