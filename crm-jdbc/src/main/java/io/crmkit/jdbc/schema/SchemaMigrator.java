package io.crmkit.jdbc.schema;

import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.SchemaMode;
import io.crmkit.jdbc.sql.SqlNames;
import javax.sql.DataSource;

/**
 * Applies or validates the schema scripts of a dialect (placeholder: the implementation lands with
 * the schema runner).
 */
public final class SchemaMigrator {
    private SchemaMigrator() {}

    /** Applies or validates the scripts as {@code mode} says. */
    public static void migrate(DataSource dataSource, Dialect dialect, SqlNames names, SchemaMode mode) {
        if (mode != SchemaMode.NONE) {
            throw new IllegalStateException("schema runner not written yet");
        }
    }
}
