package io.crmkit.jdbc;

/** What the JDBC store does with its schema when it is built. */
public enum SchemaMode {
    /**
     * Apply every schema script of the dialect not yet recorded in the history table, in version
     * order, each in its own transaction, and record it; then validate. The default.
     */
    CREATE,
    /**
     * Apply nothing; check that every script of the dialect is recorded in the history table with
     * the same checksum, and fail with a typed error otherwise. For hosts that migrate with their own
     * tool (Flyway can run the same scripts).
     */
    VALIDATE,
    /** Neither apply nor check anything. */
    NONE
}
