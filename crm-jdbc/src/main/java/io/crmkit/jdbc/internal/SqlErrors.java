package io.crmkit.jdbc.internal;

import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what went wrong from an {@link SQLException} of any of the three dialects and turns it into
 * the library's typed errors, so no caller ever sees a raw SQLException.
 *
 * <p>The states that matter, by dialect: a unique key broken is SQLState 23505 (PostgreSQL, H2) or
 * vendor code 1062/1586 (MariaDB, state 23000 which it shares with NOT NULL violations, hence the
 * code). A lost race is 40001 (PostgreSQL serialization failure, MariaDB deadlock 1213, H2
 * deadlock), 40P01 (PostgreSQL deadlock) or H2's 90131 (concurrent update of the same row). A lock
 * wait that timed out is H2's HYT00 (vendor code 50200), MariaDB's 1205 or PostgreSQL's 55P03. A
 * lost or refused connection is class 08, or PostgreSQL's 57P01..57P03 (server shutting down).
 */
final class SqlErrors {
    private static final int MARIADB_DUPLICATE_ENTRY = 1062;
    private static final int MARIADB_DUPLICATE_ENTRY_WITH_KEY_NAME = 1586;
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MARIADB_DEADLOCK = 1213;
    private static final int H2_LOCK_TIMEOUT = 50200;

    private SqlErrors() {}

    /** Whether {@code e} (or an exception chained to it) says a primary or unique key would be duplicated. */
    static boolean isDuplicateKey(SQLException e) {
        for (SQLException x : chain(e)) {
            if ("23505".equals(x.getSQLState()) || x.getErrorCode() == MARIADB_DUPLICATE_ENTRY
                    || x.getErrorCode() == MARIADB_DUPLICATE_ENTRY_WITH_KEY_NAME) {
                return true;
            }
        }
        return false;
    }

    /**
     * The typed error for {@code e}: {@link ConcurrentModificationException} for a serialization
     * failure or deadlock, {@link StorageUnavailableException} for a lock wait that timed out, a lost
     * connection or anything else the database refused (both retryable), or
     * {@link ValidationException} when a value does not fit its column (SQLState class 22).
     *
     * @param what what the store was doing, in English, for the message and the logs
     */
    static CrmException translate(SQLException e, String what) {
        for (SQLException x : chain(e)) {
            String state = x.getSQLState() == null ? "" : x.getSQLState();
            int code = x.getErrorCode();
            if (state.equals("40001") || state.equals("40P01") || state.equals("90131") || code == MARIADB_DEADLOCK) {
                // No single record is to blame; the whole unit of work lost a race and is run again.
                return new ConcurrentModificationException("TRANSACTION", "serialization", 0);
            }
            if (state.equals("HYT00") || state.equals("55P03") || code == H2_LOCK_TIMEOUT
                    || code == MARIADB_LOCK_WAIT_TIMEOUT) {
                return new StorageUnavailableException(what + ": a lock wait timed out (" + describe(x) + ")", e);
            }
            if (state.startsWith("08") || state.startsWith("57P0")) {
                return new StorageUnavailableException(what + ": the database connection failed (" + describe(x) + ")", e);
            }
            if (state.startsWith("22")) {
                ValidationException invalid = ValidationException.of("record", ErrorCode.FIELD_INVALID,
                        what + ": a value does not fit its column (" + describe(x) + ")");
                // The constructor takes no cause; keep the database's own report attached.
                invalid.addSuppressed(e);
                return invalid;
            }
        }
        return new StorageUnavailableException(what + ": " + describe(e), e);
    }

    /** State, vendor code and message, for logs. */
    static String describe(SQLException e) {
        return "SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + ": " + e.getMessage();
    }

    /** {@code e}, then its SQLException causes and chained next exceptions (batch failures hide the real one there). */
    private static Iterable<SQLException> chain(SQLException e) {
        List<SQLException> all = new ArrayList<>();
        ArrayDeque<SQLException> todo = new ArrayDeque<>();
        todo.add(e);
        while (!todo.isEmpty() && all.size() < 16) {
            SQLException x = todo.poll();
            if (all.contains(x)) {
                continue;
            }
            all.add(x);
            if (x.getNextException() != null) {
                todo.add(x.getNextException());
            }
            if (x.getCause() instanceof SQLException cause) {
                todo.add(cause);
            }
        }
        return all;
    }
}
