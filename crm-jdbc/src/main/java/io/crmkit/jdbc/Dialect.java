package io.crmkit.jdbc;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL dialects the JDBC store speaks. Each has its own schema scripts under
 * {@code db/crm/<folder>/} and its own spelling of the few things SQL does not standardise (JSON
 * columns, "insert unless present", date arithmetic).
 */
public enum Dialect {
    /** H2 2.x, embedded (file or in-memory): the default for demos, tests and single-process hosts. */
    H2("h2"),
    /** PostgreSQL 13 or newer: the production target (and PostgreSQL-compatible distributed SQL). */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6 or newer (SKIP LOCKED, utf8mb4). */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The folder of this dialect's scripts under {@code db/crm/}: {@code h2}, {@code postgresql} or {@code mariadb}. */
    public String folder() {
        return folder;
    }

    /**
     * The dialect of the database behind {@code metaData}, from its product name.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} if the database is none of
     *     H2, PostgreSQL and MariaDB
     * @throws SQLException if the metadata cannot be read
     */
    public static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        throw ValidationException.of("dialect", ErrorCode.FIELD_INVALID,
                "unsupported database '" + product + "': the JDBC store speaks H2, PostgreSQL and MariaDB");
    }
}
