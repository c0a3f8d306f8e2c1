package io.crmkit.jdbc.sql;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.jdbc.schema.RecordTable;
import java.util.regex.Pattern;

/**
 * The table names of one store: the configured prefix ({@code crm_} by default) before each name of
 * {@link io.crmkit.jdbc.schema.Schema}.
 *
 * @param prefix the table prefix: empty, or a lower-case letter then up to 19 lower-case letters,
 *     digits and {@code _}
 */
public record SqlNames(String prefix) {
    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,19})?");

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "crm_";

    /** Checks the prefix, which is written into SQL and therefore must be a plain identifier part. */
    public SqlNames {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw ValidationException.of("tablePrefix", ErrorCode.FIELD_INVALID,
                    "a table prefix is empty or a lower-case letter then up to 19 lower-case letters, digits and _");
        }
    }

    /** The full name of a shared table ({@code Schema.OUTBOX} as {@code crm_outbox}). */
    public String table(String name) {
        return prefix + name;
    }

    /** The full name of a record table. */
    public String table(RecordTable table) {
        return prefix + table.name();
    }
}
