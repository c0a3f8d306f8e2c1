package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.internal.Checks;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.sql.SqlNames;
import io.crmkit.spi.IdGenerator;
import io.crmkit.spi.TransactionWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime behind {@code io.crmkit.jdbc.JdbcCrmStore}: runs units of work, each in its own
 * connection and database transaction, and retries the ones that lost a race. Internal: public only
 * so the store's public class can build it; hosts use {@code JdbcCrmStore}.
 */
public final class JdbcRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRuntime.class);

    private final DataSource dataSource;
    private final StoreSettings settings;
    private final int maxRetries;
    private final int isolation;

    /**
     * A runtime over {@code dataSource}.
     *
     * @param dataSource the host's pool; the runtime borrows one connection per unit of work
     * @param dialect the database's dialect
     * @param names the table names
     * @param mapper the JSON mapper of record bodies, configured with {@code CrmJackson}
     * @param ids the id generator
     * @param maxRetries how many times a unit of work is run again after a retryable failure
     * @param isolation the JDBC isolation level ({@link Connection#TRANSACTION_READ_COMMITTED} or
     *     {@link Connection#TRANSACTION_SERIALIZABLE})
     */
    public JdbcRuntime(DataSource dataSource, Dialect dialect, SqlNames names, ObjectMapper mapper, IdGenerator ids,
            int maxRetries, int isolation) {
        this.dataSource = dataSource;
        this.settings = new StoreSettings(dialect, names, mapper, ids);
        this.maxRetries = maxRetries;
        this.isolation = isolation;
    }

    /**
     * Runs {@code work} in one database transaction and commits it; rolls back when the work or the
     * commit fails, and runs the work again in a new transaction (a new connection) when the failure
     * is retryable, at most {@code maxRetries} more times.
     *
     * @return what the work returned
     * @throws CrmException the work's or the store's error: a retryable one after the last retry
     *     ({@link io.crmkit.core.error.ConcurrentModificationException} for a lost race, serialization
     *     failure or deadlock; {@link io.crmkit.core.error.StorageUnavailableException} for a lost
     *     connection, a lock wait that timed out or another database failure), any other at once;
     *     other exceptions of the work pass through unchanged
     */
    public <T> T transact(TransactionWork<T> work) {
        Checks.required("work", work);
        for (int attempt = 0; ; attempt++) {
            try {
                return once(work);
            } catch (CrmException e) {
                if (!e.isRetryable() || attempt >= maxRetries) {
                    throw e;
                }
                LOG.debug("unit of work failed retryably ({}: {}); retry {} of {}", e.code(), e.getMessage(),
                        attempt + 1, maxRetries);
                pause(attempt, e);
            }
        }
    }

    /**
     * Waits a random time before retry {@code attempt + 1}: up to 2, 4, 8, ... ms, at most
     * {@value #MAX_PAUSE_MILLIS} ms. Workers that collided then rarely collide again in lockstep
     * (under SERIALIZABLE isolation, 16 workers on the same rows otherwise keep failing each other).
     *
     * @throws CrmException {@code failure}, if the thread is interrupted while waiting (its interrupt
     *     flag stays set)
     */
    private static void pause(int attempt, CrmException failure) {
        long bound = Math.min(MAX_PAUSE_MILLIS, 2L << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }

    /** The longest pause between two attempts of a unit of work. */
    static final long MAX_PAUSE_MILLIS = 200;

    /** The id generator. */
    public IdGenerator ids() {
        return settings.ids;
    }

    /** One run of the work in one transaction. */
    private <T> T once(TransactionWork<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "borrowing a connection");
        }
        JdbcTransaction tx = null;
        try {
            try {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(isolation);
            } catch (SQLException e) {
                throw SqlErrors.translate(e, "starting a transaction");
            }
            tx = new JdbcTransaction(settings, connection);
            T result = work.run(tx);
            // The work is over: nothing may use its transaction from here on, even before the commit ends.
            tx.close();
            try {
                connection.commit();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, "committing");
            }
            return result;
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        } finally {
            if (tx != null) {
                tx.close();
            }
            release(connection);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The original failure is what the caller must see; the rollback's travels with it.
            cause.addSuppressed(e);
        }
    }

    /**
     * Returns the connection to the pool; its transaction has been committed or rolled back. Auto-commit
     * is deliberately not switched back on here: after a failed rollback that would commit what is left
     * of the transaction. Pools reset it themselves when a connection comes back.
     */
    private static void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing of the unit of work depends on it any more; a pool discards a connection it cannot reset.
            LOG.warn("could not return a connection to the pool cleanly: {}", SqlErrors.describe(e), e);
        }
    }
}
