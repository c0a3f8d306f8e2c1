package io.crmkit.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.json.CrmJackson;
import io.crmkit.jdbc.internal.JdbcRuntime;
import io.crmkit.jdbc.schema.SchemaMigrator;
import io.crmkit.jdbc.sql.SqlNames;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.IdGenerator;
import io.crmkit.spi.TimeOrderedIdGenerator;
import io.crmkit.spi.TransactionWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The JDBC {@link CrmStore}: every store, the change log and the outbox in tables of a relational
 * database (H2, PostgreSQL or MariaDB) behind the host's {@link DataSource}. It passes the whole
 * conformance kit (crm-persistence-tck), like the in-memory reference store.
 *
 * <pre>{@code
 * CrmStore store = JdbcCrmStore.builder()
 *         .dataSource(pool)            // the host's pool; the store never creates one
 *         .clock(clock)                // ids are time-ordered over it
 *         .build();                    // applies the schema scripts (SchemaMode.CREATE)
 * }</pre>
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li><b>One database transaction per unit of work.</b> {@link #transact} borrows one connection,
 *       runs the work with auto-commit off at the configured isolation level (read committed by
 *       default), and commits when the work returns; when the work or the commit throws, everything
 *       is rolled back. Every store reached through the transaction uses that connection, so reads see
 *       the transaction's own writes.</li>
 *   <li><b>Retries.</b> A work that fails with a {@linkplain CrmException#isRetryable() retryable}
 *       error is run again in a new transaction, at most {@code maxRetries} more times (default
 *       {@value #DEFAULT_MAX_RETRIES}): a lost optimistic race
 *       ({@link io.crmkit.core.error.ConcurrentModificationException}), a serialization failure or
 *       deadlock (SQLState 40001, 40P01; reported as ConcurrentModificationException), a lock wait
 *       that timed out or a lost connection ({@link StorageUnavailableException}). Then that error is
 *       thrown. Any other exception rolls back and is thrown at once, unchanged.</li>
 *   <li><b>Versions in SQL.</b> Updates and deletes carry {@code WHERE version = ?}; a lost race
 *       changes nothing and is reported. Unique keys (record ids, payments' external references,
 *       outbox de-duplication keys) are enforced by the database, so racing inserts cannot both
 *       win.</li>
 *   <li><b>Locks.</b> {@code Transaction.lock(key)} locks a row of the lock table with
 *       {@code SELECT ... FOR UPDATE} until the transaction ends.</li>
 *   <li><b>Errors.</b> Callers never see an {@link SQLException}: every failure is one of the typed
 *       {@link CrmException}s.</li>
 * </ul>
 *
 * <p>Thread-safe; a {@link io.crmkit.spi.Transaction} must be used only by the thread running its
 * work and only until the work ends (a typed {@link io.crmkit.core.error.RuleViolationException} with
 * rule {@code transaction.closed}, or {@code transaction.other-thread}, otherwise). A unit of work
 * started inside another one on the same thread is an independent transaction on its own connection;
 * it must not wait for rows or locks the outer one holds, or the two wait for each other.
 */
public final class JdbcCrmStore implements CrmStore {
    /** How many times a unit of work is retried after a retryable failure, unless configured. */
    public static final int DEFAULT_MAX_RETRIES = 10;

    private final JdbcRuntime runtime;
    private final Dialect dialect;
    private final SqlNames names;

    private JdbcCrmStore(JdbcRuntime runtime, Dialect dialect, SqlNames names) {
        this.runtime = runtime;
        this.dialect = dialect;
        this.names = names;
    }

    /** A builder; {@link Builder#dataSource} and one of {@link Builder#clock}, {@link Builder#idGenerator} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code work} in one database transaction, as {@link CrmStore#transact} and the class
     * documentation say.
     *
     * @return what the work returned
     * @throws CrmException the work's or the store's error: a retryable one after the last retry, any
     *     other at once; other exceptions of the work pass through unchanged
     */
    @Override
    public <T> T transact(TransactionWork<T> work) {
        return runtime.transact(work);
    }

    @Override
    public IdGenerator ids() {
        return runtime.ids();
    }

    /** The dialect the store speaks (configured or detected). */
    public Dialect dialect() {
        return dialect;
    }

    /** The table prefix, as configured. */
    public String tablePrefix() {
        return names.prefix();
    }

    /** The transaction isolation level units of work run at. */
    public enum Isolation {
        /** Read committed: the default; lost races are caught by versions, unique keys and locks. */
        READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
        /** Serializable: the database refuses interleavings (SQLState 40001) and the store retries the work. */
        SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

        private final int level;

        Isolation(int level) {
            this.level = level;
        }
    }

    /**
     * Configures a {@link JdbcCrmStore}. Give either a clock (ids are then time-ordered over it) or an
     * id generator, not both.
     */
    public static final class Builder {
        private DataSource dataSource;
        private Dialect dialect;
        private String tablePrefix = SqlNames.DEFAULT_PREFIX;
        private SchemaMode schemaMode = SchemaMode.CREATE;
        private Clock clock;
        private IdGenerator idGenerator;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Isolation isolation = Isolation.READ_COMMITTED;
        private ObjectMapper objectMapper;

        private Builder() {}

        /** The host's connection pool (required). The store borrows one connection per unit of work. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** The database's dialect; by default detected from the first connection's metadata. */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /** The prefix of every table name: empty, or a lower-case letter and up to 19 of {@code a-z 0-9 _}; default {@code crm_}. */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
            return this;
        }

        /** What {@link #build()} does with the schema; default {@link SchemaMode#CREATE}. */
        public Builder schemaMode(SchemaMode schemaMode) {
            this.schemaMode = schemaMode;
            return this;
        }

        /** The clock new ids take their time from (it feeds the id generator only; the store reads no time). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The generator of record, change-log and outbox ids, instead of a time-ordered one over a clock. */
        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = idGenerator;
            return this;
        }

        /** How many times a unit of work is retried after a retryable failure: 0 to 100, default {@value JdbcCrmStore#DEFAULT_MAX_RETRIES}. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The isolation level of units of work; default {@link Isolation#READ_COMMITTED}. */
        public Builder isolation(Isolation isolation) {
            this.isolation = isolation;
            return this;
        }

        /**
         * The JSON mapper of stored records, change-log entries and notifications; default
         * {@link CrmJackson#newObjectMapper()}. A host's own mapper must be configured with
         * {@link CrmJackson#configure}, or records will not read back as they were written.
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
            return this;
        }

        /**
         * The store: settings checked, dialect detected if not given, schema applied or validated as
         * the schema mode says.
         *
         * @throws ValidationException if the data source is missing, neither or both of clock and id
         *     generator are set, {@code maxRetries} is outside 0..100, the table prefix is not a plain
         *     identifier part, the schema mode or isolation is null, or the database is none of H2,
         *     PostgreSQL and MariaDB
         * @throws StorageUnavailableException if the database cannot be reached to detect its dialect
         * @throws CrmException as {@link SchemaMigrator#migrate} throws when the schema cannot be
         *     applied or does not validate
         */
        public JdbcCrmStore build() {
            Checks.required("dataSource", dataSource);
            Checks.required("schemaMode", schemaMode);
            Checks.required("isolation", isolation);
            Checks.range("maxRetries", maxRetries, 0, 100);
            if ((clock == null) == (idGenerator == null)) {
                throw ValidationException.of("clock", clock == null ? ErrorCode.FIELD_REQUIRED : ErrorCode.FIELD_INVALID,
                        "set either clock(...) (ids are then time-ordered over it) or idGenerator(...), exactly one");
            }
            SqlNames names = new SqlNames(tablePrefix);
            ObjectMapper mapper = objectMapper != null ? objectMapper : CrmJackson.newObjectMapper();
            Dialect resolved = dialect != null ? dialect : detect(dataSource);
            if (schemaMode != SchemaMode.NONE) {
                SchemaMigrator.migrate(dataSource, resolved, names, schemaMode);
            }
            IdGenerator ids = idGenerator != null ? idGenerator : new TimeOrderedIdGenerator(clock);
            return new JdbcCrmStore(new JdbcRuntime(dataSource, resolved, names, mapper, ids, maxRetries,
                    isolation.level), resolved, names);
        }

        private static Dialect detect(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                return Dialect.of(connection.getMetaData());
            } catch (SQLException e) {
                throw new StorageUnavailableException("detecting the database's dialect: SQLState " + e.getSQLState()
                        + ", " + e.getMessage(), e);
            }
        }
    }
}
