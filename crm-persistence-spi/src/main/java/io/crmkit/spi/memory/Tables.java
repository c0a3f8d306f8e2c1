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
import java.util.function.Function;

/** Every committed table of one store. Accessed under the store's lock only. */
final class Tables {
    final RecordTable<Lead, LeadId> leads = table(RecordType.LEAD, Lead.class, LeadId::of);
    final RecordTable<LeadPool, LeadPoolId> leadPools = table(RecordType.LEAD_POOL, LeadPool.class, LeadPoolId::of);
    final RecordTable<Pool, PoolId> pools = table(RecordType.POOL, Pool.class, PoolId::of);
    final RecordTable<Account, AccountId> accounts = table(RecordType.ACCOUNT, Account.class, AccountId::of);
    final RecordTable<Contact, ContactId> contacts = table(RecordType.CONTACT, Contact.class, ContactId::of);
    final RecordTable<Product, ProductId> products = table(RecordType.PRODUCT, Product.class, ProductId::of);
    final RecordTable<Opportunity, OpportunityId> opportunities =
            table(RecordType.OPPORTUNITY, Opportunity.class, OpportunityId::of);
    final RecordTable<Quote, QuoteId> quotes = table(RecordType.QUOTE, Quote.class, QuoteId::of);
    final RecordTable<SalesOrder, SalesOrderId> salesOrders =
            table(RecordType.SALES_ORDER, SalesOrder.class, SalesOrderId::of);
    final RecordTable<Contract, ContractId> contracts = table(RecordType.CONTRACT, Contract.class, ContractId::of);
    /** Payments are unique per tenant by their non-null external reference. */
    final RecordTable<Payment, PaymentId> payments =
            new RecordTable<>(RecordType.PAYMENT, Payment.class, PaymentId::of, Payment::externalReference);
    final RecordTable<PaymentAllocation, PaymentAllocationId> paymentAllocations =
            table(RecordType.PAYMENT_ALLOCATION, PaymentAllocation.class, PaymentAllocationId::of);
    final RecordTable<PaymentPlan, PaymentPlanId> paymentPlans =
            table(RecordType.PAYMENT_PLAN, PaymentPlan.class, PaymentPlanId::of);
    final RecordTable<ExpenseRecord, ExpenseRecordId> expenses =
            table(RecordType.EXPENSE_RECORD, ExpenseRecord.class, ExpenseRecordId::of);
    final RecordTable<FollowUpRecord, FollowUpRecordId> followUps =
            table(RecordType.FOLLOW_UP_RECORD, FollowUpRecord.class, FollowUpRecordId::of);
    final RecordTable<Reminder, ReminderId> reminders = table(RecordType.REMINDER, Reminder.class, ReminderId::of);
    final RecordTable<ScheduleEntry, ScheduleEntryId> scheduleEntries =
            table(RecordType.SCHEDULE_ENTRY, ScheduleEntry.class, ScheduleEntryId::of);
    final MemoryChangeLog.Committed changeLog = new MemoryChangeLog.Committed();
    final MemoryOutbox.Committed outbox = new MemoryOutbox.Committed();

    private static <T extends Aggregate<I>, I extends RecordId> RecordTable<T, I> table(
            RecordType type, Class<T> recordClass, Function<String, I> idOf) {
        return new RecordTable<>(type, recordClass, idOf, null);
    }
}
