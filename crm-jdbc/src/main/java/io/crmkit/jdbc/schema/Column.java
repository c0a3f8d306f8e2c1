package io.crmkit.jdbc.schema;

import java.util.Objects;

/**
 * One column of a table.
 *
 * @param name the column name, lower case snake case, never quoted
 * @param type its portable type
 * @param notNull whether it is NOT NULL
 */
public record Column(String name, ColumnType type, boolean notNull) {
    /** Checks the parts. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a column name: " + name);
        }
    }
}
