package io.crmkit.tck;

import static io.crmkit.tck.TckFixtures.BASE;

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
import io.crmkit.core.record.RecordType;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.spi.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Every record store of a {@link Transaction}, as {@link StoreCase}s, in the order the transaction lists them. */
final class StoreCases {
    /** When {@link StoreCase#changed()} says the record was changed. */
    static final Instant CHANGED_AT = BASE.plus(Duration.ofHours(1));

    private static final List<StoreCase<?, ?>> ALL = List.of(
            new StoreCase<Lead, LeadId>(RecordType.LEAD, Transaction::leads,
                    (tx, t) -> TckFixtures.lead(tx, t).build(),
                    r -> r.toBuilder().details("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<LeadPool, LeadPoolId>(RecordType.LEAD_POOL, Transaction::leadPools,
                    (tx, t) -> TckFixtures.leadPool(tx, t).build(),
                    r -> r.toBuilder().description("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Pool, PoolId>(RecordType.POOL, Transaction::pools,
                    (tx, t) -> TckFixtures.pool(tx, t).build(),
                    r -> r.toBuilder().description("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Account, AccountId>(RecordType.ACCOUNT, Transaction::accounts,
                    (tx, t) -> TckFixtures.account(tx, t).build(),
                    r -> r.toBuilder().phone("021-55550000").level("B").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Contact, ContactId>(RecordType.CONTACT, Transaction::contacts,
                    (tx, t) -> TckFixtures.contact(tx, t).build(),
                    r -> r.toBuilder().title("Head of purchasing").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Product, ProductId>(RecordType.PRODUCT, Transaction::products,
                    (tx, t) -> TckFixtures.product(tx, t).build(),
                    r -> r.toBuilder().category("machines").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Opportunity, OpportunityId>(RecordType.OPPORTUNITY, Transaction::opportunities,
                    (tx, t) -> TckFixtures.opportunity(tx, t).build(),
                    r -> r.toBuilder().expectedCloseDate(r.expectedCloseDate().plusDays(7)).updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Quote, QuoteId>(RecordType.QUOTE, Transaction::quotes,
                    (tx, t) -> TckFixtures.quote(tx, t).build(),
                    r -> r.toBuilder().validUntil(r.validUntil().plusDays(7)).updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<SalesOrder, SalesOrderId>(RecordType.SALES_ORDER, Transaction::salesOrders,
                    (tx, t) -> TckFixtures.salesOrder(tx, t).build(),
                    r -> r.toBuilder()
                            .customFields(r.customFields().with("tckNote", new CustomValue.Text("changed by the kit")))
                            .updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Contract, ContractId>(RecordType.CONTRACT, Transaction::contracts,
                    (tx, t) -> TckFixtures.contract(tx, t).build(),
                    r -> r.toBuilder().title("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Payment, PaymentId>(RecordType.PAYMENT, Transaction::payments,
                    (tx, t) -> TckFixtures.payment(tx, t).build(),
                    r -> r.toBuilder().note("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<PaymentAllocation, PaymentAllocationId>(RecordType.PAYMENT_ALLOCATION,
                    Transaction::paymentAllocations,
                    (tx, t) -> TckFixtures.paymentAllocation(tx, t).build(),
                    r -> r.reverse(TckFixtures.OWNER, CHANGED_AT, "changed by the kit"),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<PaymentPlan, PaymentPlanId>(RecordType.PAYMENT_PLAN, Transaction::paymentPlans,
                    (tx, t) -> TckFixtures.paymentPlan(tx, t).build(),
                    r -> r.recordPayment(1, TckFixtures.cny("120.00")).toBuilder().updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<ExpenseRecord, ExpenseRecordId>(RecordType.EXPENSE_RECORD, Transaction::expenses,
                    (tx, t) -> TckFixtures.expense(tx, t).build(),
                    r -> r.toBuilder().note("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<FollowUpRecord, FollowUpRecordId>(RecordType.FOLLOW_UP_RECORD, Transaction::followUps,
                    (tx, t) -> TckFixtures.followUp(tx, t).build(),
                    r -> r.toBuilder().content("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<Reminder, ReminderId>(RecordType.REMINDER, Transaction::reminders,
                    (tx, t) -> TckFixtures.reminder(tx, t).build(),
                    r -> r.toBuilder().text("changed by the kit").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()),
            new StoreCase<ScheduleEntry, ScheduleEntryId>(RecordType.SCHEDULE_ENTRY, Transaction::scheduleEntries,
                    (tx, t) -> TckFixtures.scheduleEntry(tx, t).build(),
                    r -> r.toBuilder().location("Beijing").updatedAt(CHANGED_AT).build(),
                    (r, t, id, v) -> r.toBuilder().tenantId(t).id(id).version(v).build()));

    private StoreCases() {}

    /** Every record store of a transaction. */
    static List<StoreCase<?, ?>> all() {
        return ALL;
    }
}
