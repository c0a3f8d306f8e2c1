package io.crmkit.jdbc.internal;

import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.account.AccountStore;
import io.crmkit.spi.activity.ChangeLogStore;
import io.crmkit.spi.activity.ExpenseRecordStore;
import io.crmkit.spi.activity.FollowUpRecordStore;
import io.crmkit.spi.activity.ReminderStore;
import io.crmkit.spi.activity.ScheduleEntryStore;
import io.crmkit.spi.contact.ContactStore;
import io.crmkit.spi.lead.LeadPoolStore;
import io.crmkit.spi.lead.LeadStore;
import io.crmkit.spi.outbox.Outbox;
import io.crmkit.spi.payment.PaymentAllocationStore;
import io.crmkit.spi.payment.PaymentPlanStore;
import io.crmkit.spi.payment.PaymentStore;
import io.crmkit.spi.pool.PoolStore;
import io.crmkit.spi.product.ProductStore;
import io.crmkit.spi.sales.ContractStore;
import io.crmkit.spi.sales.OpportunityStore;
import io.crmkit.spi.sales.QuoteStore;
import io.crmkit.spi.sales.SalesOrderStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One unit of work of the JDBC store: one connection in one database transaction, which every store
 * reached through it reads and writes. Usable only by the thread running the work and only until
 * the work ends, like the in-memory store's transaction (same rules, same typed errors).
 */
final class JdbcTransaction implements Transaction {
    /** The rule of the error for a transaction used after its work ended. */
    static final String CLOSED = "transaction.closed";
    /** The rule of the error for a transaction used by a thread other than the one running its work. */
    static final String OTHER_THREAD = "transaction.other-thread";

    final StoreSettings settings;
    private final Connection connection;
    private final Thread owner = Thread.currentThread();
    private final Map<String, Object> stores = new HashMap<>();
    private final String lockTable;
    // Read by any thread that (wrongly) kept a reference; written by the owner only.
    private volatile boolean open = true;

    JdbcTransaction(StoreSettings settings, Connection connection) {
        this.settings = settings;
        this.connection = connection;
        this.lockTable = settings.names.table(Schema.LOCK);
    }

    /**
     * @throws RuleViolationException with rule {@value #CLOSED} if the work has ended, or
     *     {@value #OTHER_THREAD} if the caller is not the thread running it
     */
    void checkOpen() {
        if (!open) {
            throw new RuleViolationException(CLOSED, null,
                    "this transaction ended with its unit of work; use the Transaction passed to the current work");
        }
        if (Thread.currentThread() != owner) {
            throw new RuleViolationException(OTHER_THREAD, null,
                    "a transaction belongs to the thread running its work; other threads start their own");
        }
    }

    /** Ends the transaction for its users: any later call throws. */
    void close() {
        open = false;
    }

    /** The connection; only for the stores of this transaction, after {@link #checkOpen()}. */
    Connection connection() {
        return connection;
    }

    Dialect dialect() {
        return settings.dialect;
    }

    /** A statement that may fail in a way the caller handles. */
    @FunctionalInterface
    interface SqlCall<R> {
        R run() throws SQLException;
    }

    /**
     * Runs {@code call} so that its failure leaves the transaction usable. PostgreSQL aborts the whole
     * transaction on any failed statement, so there the call runs inside a savepoint that is rolled
     * back on failure; H2 and MariaDB undo only the failed statement by themselves, and the savepoint
     * round trips would buy nothing.
     */
    <R> R guarded(SqlCall<R> call) throws SQLException {
        if (settings.dialect != Dialect.POSTGRESQL) {
            return call.run();
        }
        Savepoint savepoint = connection.setSavepoint();
        R result;
        try {
            result = call.run();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        return result;
    }

    @Override
    public LeadStore leads() {
        return store("leads", tx -> new AreaStores.Leads(settings.leads, tx));
    }

    @Override
    public LeadPoolStore leadPools() {
        return store("leadPools", tx -> new AreaStores.LeadPools(settings.leadPools, tx));
    }

    @Override
    public PoolStore pools() {
        return store("pools", tx -> new AreaStores.Pools(settings.pools, tx));
    }

    @Override
    public AccountStore accounts() {
        return store("accounts", tx -> new AreaStores.Accounts(settings.accounts, tx));
    }

    @Override
    public ContactStore contacts() {
        return store("contacts", tx -> new AreaStores.Contacts(settings.contacts, tx));
    }

    @Override
    public ProductStore products() {
        return store("products", tx -> new AreaStores.Products(settings.products, tx));
    }

    @Override
    public OpportunityStore opportunities() {
        return store("opportunities", tx -> new AreaStores.Opportunities(settings.opportunities, tx));
    }

    @Override
    public QuoteStore quotes() {
        return store("quotes", tx -> new AreaStores.Quotes(settings.quotes, tx));
    }

    @Override
    public SalesOrderStore salesOrders() {
        return store("salesOrders", tx -> new AreaStores.SalesOrders(settings.salesOrders, tx));
    }

    @Override
    public ContractStore contracts() {
        return store("contracts", tx -> new AreaStores.Contracts(settings.contracts, tx));
    }

    @Override
    public PaymentStore payments() {
        return store("payments", tx -> new AreaStores.Payments(settings.payments, tx));
    }

    @Override
    public PaymentAllocationStore paymentAllocations() {
        return store("paymentAllocations", tx -> new AreaStores.PaymentAllocations(settings.paymentAllocations, tx));
    }

    @Override
    public PaymentPlanStore paymentPlans() {
        return store("paymentPlans", tx -> new JdbcPaymentPlanStore(settings.paymentPlans, tx));
    }

    @Override
    public ExpenseRecordStore expenses() {
        return store("expenses", tx -> new AreaStores.Expenses(settings.expenses, tx));
    }

    @Override
    public FollowUpRecordStore followUps() {
        return store("followUps", tx -> new AreaStores.FollowUps(settings.followUps, tx));
    }

    @Override
    public ReminderStore reminders() {
        return store("reminders", tx -> new AreaStores.Reminders(settings.reminders, tx));
    }

    @Override
    public ScheduleEntryStore scheduleEntries() {
        return store("scheduleEntries", tx -> new AreaStores.ScheduleEntries(settings.scheduleEntries, tx));
    }

    @Override
    public ChangeLogStore changeLog() {
        return store("changeLog", JdbcChangeLog::new);
    }

    @Override
    public Outbox outbox() {
        return store("outbox", JdbcOutbox::new);
    }

    /**
     * Locks {@code key} until this transaction ends: makes sure the key's row exists in the lock
     * table, then locks it with {@code SELECT ... FOR UPDATE}. The common case (the key was used
     * before) is one locking read; a new key is inserted first, and a duplicate from a racing
     * transaction that inserted it meanwhile only means the row now exists. The insert runs guarded,
     * so that race never aborts this transaction.
     *
     * @throws io.crmkit.core.error.ValidationException if {@code key} is blank or longer than 200 characters
     */
    @Override
    public void lock(String key) {
        checkOpen();
        String lockKey = Checks.text("key", key, 200);
        String select = "SELECT lock_key FROM " + lockTable + " WHERE lock_key = ? FOR UPDATE";
        try {
            if (!JdbcSql.query(connection, select, List.of(lockKey), row -> row.getString(1)).isEmpty()) {
                return;
            }
            try {
                guarded(() -> JdbcSql.update(connection, "INSERT INTO " + lockTable + " (lock_key) VALUES (?)",
                        List.of(lockKey)));
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
                // Another transaction created the row first: it exists now, which is all we need.
            }
            JdbcSql.query(connection, select, List.of(lockKey), row -> row.getString(1));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "locking " + lockKey);
        }
    }

    /** This transaction's store {@code name}, made on first use. */
    @SuppressWarnings("unchecked")
    private <S> S store(String name, Function<JdbcTransaction, S> make) {
        checkOpen();
        return (S) stores.computeIfAbsent(name, n -> make.apply(this));
    }

}
