package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentAllocation;
import io.crmkit.core.payment.PaymentAllocationId;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.payment.PaymentPlanId;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.jdbc.sql.SqlNames;
import io.crmkit.spi.IdGenerator;
import java.util.function.Function;

/**
 * What every transaction of one store shares: the dialect, the table names, the JSON mapper, the id
 * generator, and the mapping of each record type to its table (built once, with its SQL).
 */
final class StoreSettings {
    final Dialect dialect;
    final SqlNames names;
    final ObjectMapper mapper;
    final IdGenerator ids;

    final RecordMapping<Lead, LeadId> leads;
    final RecordMapping<LeadPool, LeadPoolId> leadPools;
    final RecordMapping<Pool, PoolId> pools;
    final RecordMapping<Account, AccountId> accounts;
    final RecordMapping<Contact, ContactId> contacts;
    final RecordMapping<Product, ProductId> products;
    final RecordMapping<Opportunity, OpportunityId> opportunities;
    final RecordMapping<Quote, QuoteId> quotes;
    final RecordMapping<SalesOrder, SalesOrderId> salesOrders;
    final RecordMapping<Contract, ContractId> contracts;
    final RecordMapping<Payment, PaymentId> payments;
    final RecordMapping<PaymentAllocation, PaymentAllocationId> paymentAllocations;
    final RecordMapping<PaymentPlan, PaymentPlanId> paymentPlans;
    final RecordMapping<ExpenseRecord, ExpenseRecordId> expenses;
    final RecordMapping<FollowUpRecord, FollowUpRecordId> followUps;
    final RecordMapping<Reminder, ReminderId> reminders;
    final RecordMapping<ScheduleEntry, ScheduleEntryId> scheduleEntries;

    StoreSettings(Dialect dialect, SqlNames names, ObjectMapper mapper, IdGenerator ids) {
        this.dialect = dialect;
        this.names = names;
        this.mapper = mapper;
        this.ids = ids;
        leads = mapping(RecordType.LEAD, Lead.class, LeadId::of);
        leadPools = mapping(RecordType.LEAD_POOL, LeadPool.class, LeadPoolId::of);
        pools = mapping(RecordType.POOL, Pool.class, PoolId::of);
        accounts = mapping(RecordType.ACCOUNT, Account.class, AccountId::of);
        contacts = mapping(RecordType.CONTACT, Contact.class, ContactId::of);
        products = mapping(RecordType.PRODUCT, Product.class, ProductId::of);
        opportunities = mapping(RecordType.OPPORTUNITY, Opportunity.class, OpportunityId::of);
        quotes = mapping(RecordType.QUOTE, Quote.class, QuoteId::of);
        salesOrders = mapping(RecordType.SALES_ORDER, SalesOrder.class, SalesOrderId::of);
        contracts = mapping(RecordType.CONTRACT, Contract.class, ContractId::of);
        payments = mapping(RecordType.PAYMENT, Payment.class, PaymentId::of);
        paymentAllocations = mapping(RecordType.PAYMENT_ALLOCATION, PaymentAllocation.class, PaymentAllocationId::of);
        paymentPlans = mapping(RecordType.PAYMENT_PLAN, PaymentPlan.class, PaymentPlanId::of);
        expenses = mapping(RecordType.EXPENSE_RECORD, ExpenseRecord.class, ExpenseRecordId::of);
        followUps = mapping(RecordType.FOLLOW_UP_RECORD, FollowUpRecord.class, FollowUpRecordId::of);
        reminders = mapping(RecordType.REMINDER, Reminder.class, ReminderId::of);
        scheduleEntries = mapping(RecordType.SCHEDULE_ENTRY, ScheduleEntry.class, ScheduleEntryId::of);
    }

    private <T extends Aggregate<I>, I extends RecordId> RecordMapping<T, I> mapping(RecordType type, Class<T> model,
            Function<String, I> idOf) {
        return new RecordMapping<>(Schema.table(type), model, idOf, dialect, names, mapper);
    }
}
