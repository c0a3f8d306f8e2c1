package io.crmkit.jdbc.schema;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.SchemaMode;
import io.crmkit.jdbc.sql.SqlNames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies or validates the versioned schema scripts of a dialect, recording what it applied in the
 * history table {@code <prefix>schema_history}.
 *
 * <p>The scripts are {@code db/crm/<folder>/V<n>__<description>.sql} on the classpath, listed in
 * version order in {@code db/crm/<folder>/scripts.txt} (see {@link Dialect#folder()}). Their table
 * names carry the placeholder {@code ${prefix}}, replaced by the store's table prefix. The checksum
 * of a script is the SHA-256 of its text before the placeholder is replaced, so one checksum holds
 * for every prefix, and a host's Flyway can run the same files.
 *
 * <p>Concurrent starts (several nodes building their stores at once) never apply a script twice:
 * on PostgreSQL each script runs in one transaction holding a transaction-scoped advisory lock; on
 * MariaDB the whole run holds a named lock ({@code GET_LOCK}) of the database and prefix; on H2,
 * whose DDL commits as it goes, a start first claims a script by inserting its history row as
 * unfinished (the primary key lets one start win), and the others wait until it is finished.
 *
 * <p>Atomicity follows the database: on PostgreSQL a failing script leaves nothing behind; on H2
 * and MariaDB every DDL statement commits by itself, so a failing script leaves the statements
 * before the failing one applied, records nothing, and the error says so.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** The field named by validation errors. */
    static final String FIELD = "schema";
    /** How long a MariaDB start waits for another start's lock. */
    static final int MARIADB_LOCK_SECONDS = 120;
    /** How often an H2 start looks whether another start finished a claimed script, and for how long. */
    static final long CLAIM_POLL_MILLIS = 50;
    static final int CLAIM_POLLS = 2400;

    private static final String SQLSTATE_UNIQUE = "23505";

    /** One unit of JDBC work. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private SchemaMigrator() {}

    /**
     * Applies or validates the scripts of {@code dialect} for table prefix {@code names.prefix()}, as
     * {@code mode} says: {@link SchemaMode#CREATE} applies every script not yet in the history, in
     * version order, then validates; {@link SchemaMode#VALIDATE} only validates; {@link
     * SchemaMode#NONE} does nothing (not even a connection is opened). Validation passes when every
     * script of the dialect is recorded as finished with the same checksum and the history records no
     * version this library does not know.
     *
     * @param dataSource where the tables live; one connection is taken and returned
     * @param dialect the database's dialect
     * @param names the table prefix
     * @param mode what to do
     * @throws ValidationException with field {@code schema} and one violation per problem when
     *     validation fails (history table missing, a script not applied or applied with another
     *     checksum, an unfinished script, an unknown newer version), and with one violation naming the
     *     script and statement when a script's statement fails for a reason a retry will not cure
     * @throws StorageUnavailableException (retryable) when the database cannot be reached, a lock is
     *     not granted in time, or a statement fails for a passing reason (connection lost, deadlock)
     * @throws IllegalStateException when the library's own script list is broken (a packaging error)
     */
    public static void migrate(DataSource dataSource, Dialect dialect, SqlNames names, SchemaMode mode) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(mode, "mode");
        if (mode == SchemaMode.NONE) {
            return;
        }
        List<SchemaScript> scripts = SchemaScript.of(dialect);
        SchemaHistory history = new SchemaHistory(dialect, names);
        try (Connection connection = dataSource.getConnection()) {
            if (mode == SchemaMode.CREATE) {
                boolean autoCommit = connection.getAutoCommit();
                try {
                    switch (dialect) {
                        case POSTGRESQL -> applyPostgres(connection, history, names, scripts);
                        case MARIADB -> applyMariaDb(connection, history, names, scripts);
                        case H2 -> applyH2(connection, history, names, scripts);
                    }
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
            validate(connection, dialect, history, scripts);
        } catch (SQLException e) {
            throw new StorageUnavailableException("schema " + mode + " of " + history.table() + " on " + dialect
                    + " failed: " + e.getMessage(), e);
        }
    }

    // --- PostgreSQL: transactional DDL, an advisory lock per script transaction -------------------

    private static void applyPostgres(Connection connection, SchemaHistory history, SqlNames names,
            List<SchemaScript> scripts) throws SQLException {
        connection.setAutoCommit(false);
        long lockKey = advisoryKey(history.table());
        inTransaction(connection, () -> {
            lockPostgres(connection, lockKey);
            history.createIfAbsent(connection);
            rejectUnknownVersions(history.rows(connection), scripts, history);
        });
        for (SchemaScript script : scripts) {
            inTransaction(connection, () -> {
                lockPostgres(connection, lockKey);
                // Read under the lock: another node may have applied it since this one looked.
                if (!history.rows(connection).containsKey(script.version())) {
                    run(connection, Dialect.POSTGRESQL, script, names);
                    history.insert(connection, script, true);
                }
            });
        }
    }

    private static void lockPostgres(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
        }
    }

    /** A 64-bit advisory lock key per history table, so two prefixes in one database do not wait on each other. */
    static long advisoryKey(String historyTable) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("crmkit schema " + historyTable).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    // --- MariaDB: DDL commits implicitly; a named lock held for the whole run ---------------------

    private static void applyMariaDb(Connection connection, SchemaHistory history, SqlNames names,
            List<SchemaScript> scripts) throws SQLException {
        connection.setAutoCommit(true);
        // GET_LOCK names are server-wide: the name includes the database, hashed to stay under 64 characters.
        String lockName = "CONCAT('crmkit_', SHA1(CONCAT(COALESCE(DATABASE(), ''), '.', ?)))";
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + lockName + ", ?)")) {
            lock.setString(1, history.table());
            lock.setInt(2, MARIADB_LOCK_SECONDS);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new StorageUnavailableException("the schema lock of " + history.table()
                            + " was not granted within " + MARIADB_LOCK_SECONDS
                            + " s: another node is applying the schema, retry when it is done", null);
                }
            }
        }
        try {
            history.createIfAbsent(connection);
            Map<Integer, SchemaHistory.Row> rows = history.rows(connection);
            rejectUnknownVersions(rows, scripts, history);
            for (SchemaScript script : scripts) {
                if (!rows.containsKey(script.version())) {
                    run(connection, Dialect.MARIADB, script, names);
                    // Recorded only once every statement ran: a failed script leaves no history row.
                    history.insert(connection, script, true);
                }
            }
        } finally {
            try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(" + lockName + ")")) {
                release.setString(1, history.table());
                release.execute();
            }
        }
    }

    // --- H2: DDL commits implicitly and there is no session lock; claim each script by its row ------

    private static void applyH2(Connection connection, SchemaHistory history, SqlNames names,
            List<SchemaScript> scripts) throws SQLException {
        connection.setAutoCommit(true);
        history.createIfAbsent(connection);
        Map<Integer, SchemaHistory.Row> rows = history.rows(connection);
        rejectUnknownVersions(rows, scripts, history);
        for (SchemaScript script : scripts) {
            SchemaHistory.Row row = rows.get(script.version());
            if (row != null && row.success()) {
                continue;
            }
            if (!claim(connection, history, script)) {
                continue;
            }
            try {
                run(connection, Dialect.H2, script, names);
            } catch (CrmException e) {
                try {
                    history.deleteUnfinished(connection, script.version());
                } catch (SQLException delete) {
                    e.addSuppressed(delete);
                }
                throw e;
            }
            history.markSucceeded(connection, script.version());
        }
    }

    /**
     * Claims {@code script} for this start by recording it as unfinished. Returns true when this start
     * must apply it, false when another start finished it meanwhile.
     */
    private static boolean claim(Connection connection, SchemaHistory history, SchemaScript script)
            throws SQLException {
        for (int poll = 0; ; poll++) {
            try {
                history.insert(connection, script, false);
                return true;
            } catch (SQLException e) {
                if (!SQLSTATE_UNIQUE.equals(e.getSQLState())) {
                    throw e;
                }
            }
            SchemaHistory.Row row = history.rows(connection).get(script.version());
            if (row != null && row.success()) {
                return false;
            }
            if (poll >= CLAIM_POLLS) {
                throw new StorageUnavailableException(script.script() + " has been marked as being applied in "
                        + history.table() + " for " + (CLAIM_POLLS * CLAIM_POLL_MILLIS / 1000)
                        + " s: if no other start is applying it (one died while applying it), drop what it created"
                        + " and delete its row with success = false, then start again", null);
            }
            try {
                Thread.sleep(CLAIM_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while waiting for another start to apply "
                        + script.script(), e);
            }
        }
    }

    // --- shared ----------------------------------------------------------------------------------

    private static void run(Connection connection, Dialect dialect, SchemaScript script, SqlNames names) {
        List<String> statements = script.statements(names.prefix());
        LOG.info("Applying schema script {} ({} statements) on {} with table prefix '{}'", script.script(),
                statements.size(), dialect, names.prefix());
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw statementFailed(dialect, script, i, statements.size(), sql, e);
                }
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("cannot run " + script.script() + ": " + e.getMessage(), e);
        }
        LOG.info("Applied schema script {} on {} with table prefix '{}'", script.script(), dialect, names.prefix());
    }

    private static CrmException statementFailed(Dialect dialect, SchemaScript script, int index, int count,
            String sql, SQLException e) {
        String first = sql.lines().findFirst().orElse("");
        String detail = script.script() + " statement " + (index + 1) + " of " + count + " (" + first
                + (sql.contains("\n") ? " ..." : "") + ") failed: " + e.getMessage()
                + (dialect == Dialect.POSTGRESQL ? "; nothing of the script was applied"
                        : index == 0 ? "; nothing of the script was applied"
                        : "; the " + index + " statements before it stay applied (DDL commits by itself on " + dialect
                                + ") and the script is not recorded: undo them before starting again");
        if (passing(e)) {
            return new StorageUnavailableException(detail, e);
        }
        ValidationException error = ValidationException.of(FIELD, ErrorCode.FIELD_INVALID, detail);
        // ValidationException takes no cause: keep the driver's exception attached for the logs.
        error.addSuppressed(e);
        return error;
    }

    /** Whether a failure may pass by itself: connection trouble, serialization failure, deadlock, timeout. */
    static boolean passing(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.equals("55P03") || state.equals("HYT00"));
    }

    private static void rejectUnknownVersions(Map<Integer, SchemaHistory.Row> rows, List<SchemaScript> scripts,
            SchemaHistory history) {
        List<Violation> violations = new ArrayList<>();
        unknownVersions(rows, scripts, history, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static void unknownVersions(Map<Integer, SchemaHistory.Row> rows, List<SchemaScript> scripts,
            SchemaHistory history, List<Violation> violations) {
        for (SchemaHistory.Row row : rows.values()) {
            if (scripts.stream().noneMatch(s -> s.version() == row.version())) {
                violations.add(Violation.of(FIELD, ErrorCode.FIELD_INVALID, "version " + row.version() + " ("
                        + row.script() + ") is recorded in " + history.table()
                        + " but is not a script of this library: the database was migrated by a newer crmkit"));
            }
        }
    }

    private static void validate(Connection connection, Dialect dialect, SchemaHistory history,
            List<SchemaScript> scripts) throws SQLException {
        if (!history.exists(connection)) {
            throw ValidationException.of(FIELD, ErrorCode.FIELD_INVALID, "the schema history table "
                    + history.table() + " does not exist: build the store with SchemaMode.CREATE, or apply the"
                    + " scripts in " + SchemaScript.folder(dialect) + " and record them first");
        }
        Map<Integer, SchemaHistory.Row> rows = history.rows(connection);
        List<Violation> violations = new ArrayList<>();
        for (SchemaScript script : scripts) {
            SchemaHistory.Row row = rows.get(script.version());
            String name = "version " + script.version() + " (" + script.script() + ")";
            if (row == null) {
                violations.add(Violation.of(FIELD, ErrorCode.FIELD_INVALID, name + " is not applied"));
            } else if (!row.success()) {
                violations.add(Violation.of(FIELD, ErrorCode.FIELD_INVALID, name
                        + " is recorded as unfinished: it is being applied, or a start died while applying it"));
            } else if (!row.checksum().equals(script.checksum())) {
                violations.add(Violation.of(FIELD, ErrorCode.FIELD_INVALID, name + " was applied with checksum "
                        + row.checksum() + " but the script now has checksum " + script.checksum()
                        + ": an applied script must never change (add a new version instead)"));
            }
        }
        unknownVersions(rows, scripts, history, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
