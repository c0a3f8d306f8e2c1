package io.crmkit.spi;

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

/**
 * One unit of work: every store reached through it reads and writes inside the same database
 * transaction, and all of it (records, change-log entries, outbox entries) commits together when
 * the work returns, or none of it does when the work throws.
 *
 * <p>A transaction is confined to the thread running the work and ends with it; do not keep a
 * reference to it or to its stores.
 */
public interface Transaction {
    /** Leads. */
    LeadStore leads();

    /** Lead pools. */
    LeadPoolStore leadPools();

    /** Public pools of accounts. */
    PoolStore pools();

    /** Accounts. */
    AccountStore accounts();

    /** Contacts. */
    ContactStore contacts();

    /** Products. */
    ProductStore products();

    /** Opportunities. */
    OpportunityStore opportunities();

    /** Quotes. */
    QuoteStore quotes();

    /** Sales orders. */
    SalesOrderStore salesOrders();

    /** Contracts. */
    ContractStore contracts();

    /** Payments. */
    PaymentStore payments();

    /** Payment allocations. */
    PaymentAllocationStore paymentAllocations();

    /** Payment plans. */
    PaymentPlanStore paymentPlans();

    /** Expense records. */
    ExpenseRecordStore expenses();

    /** Follow-up records. */
    FollowUpRecordStore followUps();

    /** Reminders. */
    ReminderStore reminders();

    /** Schedule entries. */
    ScheduleEntryStore scheduleEntries();

    /** The change log (and pool log). */
    ChangeLogStore changeLog();

    /** The transactional outbox. */
    Outbox outbox();

    /**
     * Takes an exclusive lock on {@code key} until this transaction ends. Units of work that lock the
     * same key run one after the other, so a check-then-write made under the lock (for example "does
     * this member hold fewer than N accounts of this pool? then claim") cannot be interleaved with
     * another one. A SQL store implements it with a row lock ({@code SELECT ... FOR UPDATE}) on a
     * lock table.
     *
     * @param key what to serialise on, for example {@code pool:P1:member:U7}; 1 to 200 characters
     */
    void lock(String key);
}
