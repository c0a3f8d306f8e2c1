package io.crmkit.spi.memory;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ExpenseRecord;
import io.crmkit.core.activity.ExpenseRecordId;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.activity.FollowUpRecordId;
import io.crmkit.core.activity.Reminder;
import io.crmkit.core.activity.ReminderId;
import io.crmkit.core.activity.ScheduleEntry;
import io.crmkit.core.activity.ScheduleEntryId;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentAllocation;
import io.crmkit.core.payment.PaymentAllocationId;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.spi.account.AccountStore;
import io.crmkit.spi.activity.ExpenseRecordStore;
import io.crmkit.spi.activity.FollowUpRecordStore;
import io.crmkit.spi.activity.ReminderStore;
import io.crmkit.spi.activity.ScheduleEntryStore;
import io.crmkit.spi.contact.ContactStore;
import io.crmkit.spi.lead.LeadPoolStore;
import io.crmkit.spi.lead.LeadStore;
import io.crmkit.spi.payment.PaymentAllocationStore;
import io.crmkit.spi.payment.PaymentStore;
import io.crmkit.spi.pool.PoolStore;
import io.crmkit.spi.product.ProductStore;
import io.crmkit.spi.sales.ContractStore;
import io.crmkit.spi.sales.OpportunityStore;
import io.crmkit.spi.sales.QuoteStore;
import io.crmkit.spi.sales.SalesOrderStore;
import java.util.Optional;

/**
 * The per-area store interfaces, each the generic {@link MemoryRecordStore} under its area's name;
 * only payments add behaviour here (plans have their own class, {@link MemoryPaymentPlanStore}).
 */
final class AreaStores {
    private AreaStores() {}

    static final class Leads extends MemoryRecordStore<Lead, LeadId> implements LeadStore {
        Leads(RecordTable<Lead, LeadId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class LeadPools extends MemoryRecordStore<LeadPool, LeadPoolId> implements LeadPoolStore {
        LeadPools(RecordTable<LeadPool, LeadPoolId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Pools extends MemoryRecordStore<Pool, PoolId> implements PoolStore {
        Pools(RecordTable<Pool, PoolId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Accounts extends MemoryRecordStore<Account, AccountId> implements AccountStore {
        Accounts(RecordTable<Account, AccountId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Contacts extends MemoryRecordStore<Contact, ContactId> implements ContactStore {
        Contacts(RecordTable<Contact, ContactId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Products extends MemoryRecordStore<Product, ProductId> implements ProductStore {
        Products(RecordTable<Product, ProductId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Opportunities extends MemoryRecordStore<Opportunity, OpportunityId> implements OpportunityStore {
        Opportunities(RecordTable<Opportunity, OpportunityId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Quotes extends MemoryRecordStore<Quote, QuoteId> implements QuoteStore {
        Quotes(RecordTable<Quote, QuoteId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class SalesOrders extends MemoryRecordStore<SalesOrder, SalesOrderId> implements SalesOrderStore {
        SalesOrders(RecordTable<SalesOrder, SalesOrderId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Contracts extends MemoryRecordStore<Contract, ContractId> implements ContractStore {
        Contracts(RecordTable<Contract, ContractId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    /** Payments: the external reference is the table's unique key (see {@link Tables}). */
    static final class Payments extends MemoryRecordStore<Payment, PaymentId> implements PaymentStore {
        Payments(RecordTable<Payment, PaymentId> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public Optional<Payment> findByExternalReference(TenantId tenant, String reference) {
            return findByUniqueKey(tenant, reference);
        }
    }

    static final class PaymentAllocations extends MemoryRecordStore<PaymentAllocation, PaymentAllocationId>
            implements PaymentAllocationStore {
        PaymentAllocations(RecordTable<PaymentAllocation, PaymentAllocationId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Expenses extends MemoryRecordStore<ExpenseRecord, ExpenseRecordId> implements ExpenseRecordStore {
        Expenses(RecordTable<ExpenseRecord, ExpenseRecordId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class FollowUps extends MemoryRecordStore<FollowUpRecord, FollowUpRecordId> implements FollowUpRecordStore {
        FollowUps(RecordTable<FollowUpRecord, FollowUpRecordId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class Reminders extends MemoryRecordStore<Reminder, ReminderId> implements ReminderStore {
        Reminders(RecordTable<Reminder, ReminderId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class ScheduleEntries extends MemoryRecordStore<ScheduleEntry, ScheduleEntryId>
            implements ScheduleEntryStore {
        ScheduleEntries(RecordTable<ScheduleEntry, ScheduleEntryId> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }
}
