package io.crmkit.jdbc.internal;

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
import io.crmkit.core.internal.Checks;
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
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The per-area store interfaces, each the generic {@link JdbcRecordStore} under its area's name
 * (their default methods push down through {@code count} and {@code query}); only payments add a
 * method here (plans have their own class, {@link JdbcPaymentPlanStore}).
 */
final class AreaStores {
    private AreaStores() {}

    static final class Leads extends JdbcRecordStore<Lead, LeadId> implements LeadStore {
        Leads(RecordMapping<Lead, LeadId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class LeadPools extends JdbcRecordStore<LeadPool, LeadPoolId> implements LeadPoolStore {
        LeadPools(RecordMapping<LeadPool, LeadPoolId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Pools extends JdbcRecordStore<Pool, PoolId> implements PoolStore {
        Pools(RecordMapping<Pool, PoolId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Accounts extends JdbcRecordStore<Account, AccountId> implements AccountStore {
        Accounts(RecordMapping<Account, AccountId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Contacts extends JdbcRecordStore<Contact, ContactId> implements ContactStore {
        Contacts(RecordMapping<Contact, ContactId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Products extends JdbcRecordStore<Product, ProductId> implements ProductStore {
        Products(RecordMapping<Product, ProductId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Opportunities extends JdbcRecordStore<Opportunity, OpportunityId> implements OpportunityStore {
        Opportunities(RecordMapping<Opportunity, OpportunityId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Quotes extends JdbcRecordStore<Quote, QuoteId> implements QuoteStore {
        Quotes(RecordMapping<Quote, QuoteId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class SalesOrders extends JdbcRecordStore<SalesOrder, SalesOrderId> implements SalesOrderStore {
        SalesOrders(RecordMapping<SalesOrder, SalesOrderId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Contracts extends JdbcRecordStore<Contract, ContractId> implements ContractStore {
        Contracts(RecordMapping<Contract, ContractId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    /**
     * Payments: the unique index on (tenant_id, external_reference) is the unique key, so racing
     * inserts of one bank transaction are refused by the database itself (nulls never collide).
     */
    static final class Payments extends JdbcRecordStore<Payment, PaymentId> implements PaymentStore {
        Payments(RecordMapping<Payment, PaymentId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }

        @Override
        public Optional<Payment> findByExternalReference(TenantId tenant, String reference) {
            tx.checkOpen();
            Checks.required("tenant", tenant);
            if (reference == null) {
                return Optional.empty();
            }
            try {
                // Compared with =, never LIKE: the reference is matched exactly, wildcards and case included.
                return JdbcSql.query(tx.connection(), "SELECT version, body FROM " + mapping.tableName()
                                + " WHERE tenant_id = ? AND external_reference = ?", List.of(tenant.value(), reference),
                        row -> mapping.decode(row.getLong(1), row.getString(2))).stream().findFirst();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, "finding a payment by external reference");
            }
        }
    }

    static final class PaymentAllocations extends JdbcRecordStore<PaymentAllocation, PaymentAllocationId>
            implements PaymentAllocationStore {
        PaymentAllocations(RecordMapping<PaymentAllocation, PaymentAllocationId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Expenses extends JdbcRecordStore<ExpenseRecord, ExpenseRecordId> implements ExpenseRecordStore {
        Expenses(RecordMapping<ExpenseRecord, ExpenseRecordId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class FollowUps extends JdbcRecordStore<FollowUpRecord, FollowUpRecordId> implements FollowUpRecordStore {
        FollowUps(RecordMapping<FollowUpRecord, FollowUpRecordId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class Reminders extends JdbcRecordStore<Reminder, ReminderId> implements ReminderStore {
        Reminders(RecordMapping<Reminder, ReminderId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }

    static final class ScheduleEntries extends JdbcRecordStore<ScheduleEntry, ScheduleEntryId>
            implements ScheduleEntryStore {
        ScheduleEntries(RecordMapping<ScheduleEntry, ScheduleEntryId> mapping, JdbcTransaction tx) {
            super(mapping, tx);
        }
    }
}
