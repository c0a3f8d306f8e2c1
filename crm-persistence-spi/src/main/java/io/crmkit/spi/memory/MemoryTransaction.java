package io.crmkit.spi.memory;

import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.spi.IdGenerator;
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
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One unit of work of the in-memory store. It runs while its thread holds the store's lock; its
 * stores keep their writes until {@link #commit()}. Usable only by the thread that runs the work,
 * and only until the work ends.
 */
final class MemoryTransaction implements Transaction {
    /** The rule of the error for a transaction used after its work ended. */
    static final String CLOSED = "transaction.closed";
    /** The rule of the error for a transaction used by a thread other than the one running its work. */
    static final String OTHER_THREAD = "transaction.other-thread";

    private final Tables tables;
    private final IdGenerator ids;
    private final Thread owner = Thread.currentThread();
    private final Map<Object, Object> stores = new IdentityHashMap<>();
    private final List<Participant> participants = new ArrayList<>();
    // Read by any thread that (wrongly) kept a reference; written by the owner only.
    private volatile boolean open = true;

    MemoryTransaction(Tables tables, IdGenerator ids) {
        this.tables = tables;
        this.ids = ids;
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

    IdGenerator ids() {
        return ids;
    }

    /** Registers a part that wrote something, to be validated and applied at commit. */
    void enlist(Participant participant) {
        participants.add(participant);
    }

    /**
     * Makes the writes of this transaction the committed state: first every part checks its rows are
     * still the ones it read (a nested transaction may have committed meanwhile), then every part
     * applies; nothing throws in between, so the commit is all or nothing.
     */
    void commit() {
        checkOpen();
        for (Participant participant : participants) {
            participant.validate();
        }
        for (Participant participant : participants) {
            participant.apply();
        }
    }

    /** Ends the transaction: further use throws. */
    void close() {
        open = false;
    }

    @Override
    public LeadStore leads() {
        return store(tables.leads, AreaStores.Leads::new);
    }

    @Override
    public LeadPoolStore leadPools() {
        return store(tables.leadPools, AreaStores.LeadPools::new);
    }

    @Override
    public PoolStore pools() {
        return store(tables.pools, AreaStores.Pools::new);
    }

    @Override
    public AccountStore accounts() {
        return store(tables.accounts, AreaStores.Accounts::new);
    }

    @Override
    public ContactStore contacts() {
        return store(tables.contacts, AreaStores.Contacts::new);
    }

    @Override
    public ProductStore products() {
        return store(tables.products, AreaStores.Products::new);
    }

    @Override
    public OpportunityStore opportunities() {
        return store(tables.opportunities, AreaStores.Opportunities::new);
    }

    @Override
    public QuoteStore quotes() {
        return store(tables.quotes, AreaStores.Quotes::new);
    }

    @Override
    public SalesOrderStore salesOrders() {
        return store(tables.salesOrders, AreaStores.SalesOrders::new);
    }

    @Override
    public ContractStore contracts() {
        return store(tables.contracts, AreaStores.Contracts::new);
    }

    @Override
    public PaymentStore payments() {
        return store(tables.payments, AreaStores.Payments::new);
    }

    @Override
    public PaymentAllocationStore paymentAllocations() {
        return store(tables.paymentAllocations, AreaStores.PaymentAllocations::new);
    }

    @Override
    public PaymentPlanStore paymentPlans() {
        return store(tables.paymentPlans, MemoryPaymentPlanStore::new);
    }

    @Override
    public ExpenseRecordStore expenses() {
        return store(tables.expenses, AreaStores.Expenses::new);
    }

    @Override
    public FollowUpRecordStore followUps() {
        return store(tables.followUps, AreaStores.FollowUps::new);
    }

    @Override
    public ReminderStore reminders() {
        return store(tables.reminders, AreaStores.Reminders::new);
    }

    @Override
    public ScheduleEntryStore scheduleEntries() {
        return store(tables.scheduleEntries, AreaStores.ScheduleEntries::new);
    }

    @Override
    public ChangeLogStore changeLog() {
        return store(tables.changeLog, MemoryChangeLog::new);
    }

    @Override
    public Outbox outbox() {
        return store(tables.outbox, MemoryOutbox::new);
    }

    /**
     * Nothing to do beyond validating the key: the store runs one unit of work at a time (see
     * {@link InMemoryCrmStore}), so every unit of work already holds the strongest lock there is
     * until it ends, and a check-then-write can never interleave with another one. (A nested,
     * independent transaction on the same thread is not held back by its outer one's keys; a
     * database store would deadlock there instead.)
     *
     * @throws io.crmkit.core.error.ValidationException if {@code key} is blank or longer than 200 characters
     */
    @Override
    public void lock(String key) {
        checkOpen();
        Checks.text("key", key, 200);
    }

    /** This transaction's view of {@code table}, made on first use. */
    @SuppressWarnings("unchecked")
    private <C, S> S store(C table, BiFunction<C, MemoryTransaction, S> make) {
        checkOpen();
        return (S) stores.computeIfAbsent(table, t -> make.apply(table, this));
    }
}
