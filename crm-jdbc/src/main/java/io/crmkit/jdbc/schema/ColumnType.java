package io.crmkit.jdbc.schema;

/**
 * The portable column types of the schema; {@link DdlWriter} spells each one per dialect.
 */
public enum ColumnType {
    /** An id (a record's, a user's, a tenant's): up to 64 characters, binary collation (ids sort as Java strings). */
    ID,
    /** An enum name or other short code: up to 64 characters. */
    CODE,
    /** A currency code: 3 characters. */
    CURRENCY,
    /** Free text of any length the model allows (names, notes, match keys). */
    TEXT,
    /** A whole number ({@code int}, {@code long}): BIGINT. */
    INTEGER,
    /** An exact decimal: DECIMAL(38,12); money amounts and custom numbers. */
    DECIMAL,
    /** A yes/no value. */
    FLAG,
    /** A calendar date. */
    DATE,
    /** An instant, stored as its UTC date and time with microseconds (no zone in the column). */
    TIMESTAMP,
    /** A JSON document (jsonb on PostgreSQL, JSON on MariaDB, CLOB on H2). */
    JSON
}
