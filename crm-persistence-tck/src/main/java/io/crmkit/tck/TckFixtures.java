package io.crmkit.tck;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.ExpenseRecord;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.activity.Reminder;
import io.crmkit.core.activity.ScheduleEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentAllocation;
import io.crmkit.core.payment.PaymentMethod;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.product.Product;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.StageId;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Valid records of every kind the stores hold, for one tenant, so contracts and a store author's own
 * tests can make data in one line: {@code tx.accounts().insert(TckFixtures.account(tx, tenant).build())}.
 *
 * <p>Each method returns the record's builder, filled with valid values, so a test changes only what it
 * is about before {@code build()}. Every builder has a fresh id from the transaction's store
 * ({@code tx.<store>().nextId()}), version 0, and {@link #BASE} as creation and update time; names and
 * numbers that a store keeps unique (an account's name, a contract's number) contain the id, so two
 * fixtures never collide. Records refer to other records (an opportunity's account, an allocation's
 * payment) by freshly generated ids that are not stored: the SPI asks no store to enforce references.
 *
 * <p>Nothing here reads a clock: every instant is {@link #BASE} or derived from it.
 */
public final class TckFixtures {
    /** The instant every fixture is created at, and the "now" of {@link #context()}. */
    public static final Instant BASE = Instant.parse("2026-03-02T02:00:00Z");

    /** The tenants' time zone in {@link #context()}. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The currency of every fixture amount. */
    public static final Currency CNY = Currency.getInstance("CNY");

    /** The user who owns, authors and organises fixtures unless a test says otherwise. */
    public static final UserId OWNER = UserId.of("tck-owner");

    /** {@link #BASE}'s calendar date in {@link #ZONE}. */
    public static final LocalDate BASE_DATE = LocalDate.ofInstant(BASE, ZONE);

    private TckFixtures() {}

    /**
     * A tenant no other test uses: a random id, so tests sharing one store never see each other's data.
     *
     * @return a new tenant id
     */
    public static TenantId newTenant() {
        return TenantId.of("tck-" + UUID.randomUUID());
    }

    /**
     * A user id made from {@code name}.
     *
     * @param name 1 to 60 letters, digits or {@code . _ : -}
     * @return the user id {@code tck-<name>}
     */
    public static UserId user(String name) {
        return UserId.of("tck-" + name);
    }

    /**
     * The query context of the kit: now is {@link #BASE}, the zone {@link #ZONE}.
     *
     * @return the context
     */
    public static QueryContext context() {
        return new QueryContext(BASE, ZONE);
    }

    /**
     * An amount in {@link #CNY}.
     *
     * @param amount a decimal with at most two places, for example {@code "12.50"}
     * @return the money
     */
    public static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /**
     * A new lead owned by {@link #OWNER}, status NEW.
     *
     * @return a filled builder
     */
    public static Lead.Builder lead(Transaction tx, TenantId tenant) {
        var id = tx.leads().nextId();
        return Lead.builder().id(id).tenantId(tenant)
                .personName("Person " + id.value()).company("Company " + id.value())
                .phone("13800000000").source("fair")
                .owner(OWNER).ownedSince(BASE).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new lead pool administered by {@link #OWNER}, with default rules.
     *
     * @return a filled builder
     */
    public static LeadPool.Builder leadPool(Transaction tx, TenantId tenant) {
        var id = tx.leadPools().nextId();
        return LeadPool.builder().id(id).tenantId(tenant)
                .name("Lead pool " + id.value()).admins(Set.of(OWNER))
                .createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new public pool of accounts administered by {@link #OWNER}, with default rules.
     *
     * @return a filled builder
     */
    public static Pool.Builder pool(Transaction tx, TenantId tenant) {
        var id = tx.pools().nextId();
        return Pool.builder().id(id).tenantId(tenant)
                .name("Pool " + id.value()).admins(Set.of(OWNER))
                .createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new account owned by {@link #OWNER} since {@link #BASE}, in no pool; its name contains its id,
     * so it is unique in the tenant.
     *
     * @return a filled builder
     */
    public static Account.Builder account(Transaction tx, TenantId tenant) {
        var id = tx.accounts().nextId();
        return Account.builder().id(id).tenantId(tenant)
                .name("Account " + id.value()).level("A").source("fair")
                .owner(OWNER).ownedSince(BASE)
                .createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new account sitting unowned in {@code pool}, ready to be claimed.
     *
     * @return a filled builder
     */
    public static Account.Builder pooledAccount(Transaction tx, TenantId tenant, PoolId pool) {
        return account(tx, tenant).poolId(pool).owner(null).ownedSince(null);
    }

    /**
     * A new contact of a (not stored) account, owned by {@link #OWNER}.
     *
     * @return a filled builder
     */
    public static Contact.Builder contact(Transaction tx, TenantId tenant) {
        var id = tx.contacts().nextId();
        return Contact.builder().id(id).tenantId(tenant).accountId(tx.accounts().nextId())
                .name("Contact " + id.value()).title("Buyer").phones(List.of("13900000000"))
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new product on the shelf at CNY 100 a unit.
     *
     * @return a filled builder
     */
    public static Product.Builder product(Transaction tx, TenantId tenant) {
        var id = tx.products().nextId();
        return Product.builder().id(id).tenantId(tenant)
                .name("Product " + id.value()).category("tools").unit("piece")
                .listPrice(UnitPrice.of("100", "CNY"))
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new open opportunity of CNY 1000.00 at stage {@code qualify} of process {@code tck-process}.
     *
     * @return a filled builder
     */
    public static Opportunity.Builder opportunity(Transaction tx, TenantId tenant) {
        var id = tx.opportunities().nextId();
        return Opportunity.builder().id(id).tenantId(tenant)
                .name("Opportunity " + id.value()).accountId(tx.accounts().nextId())
                .expectedCloseDate(BASE_DATE.plusDays(30)).amount(cny("1000.00"))
                .salesProcessId(SalesProcessId.of("tck-process"))
                .stage(OpportunityStage.open(StageId.of("qualify")))
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new draft quote without lines (totals zero).
     *
     * @return a filled builder
     */
    public static Quote.Builder quote(Transaction tx, TenantId tenant) {
        var id = tx.quotes().nextId();
        return Quote.builder().id(id).tenantId(tenant).accountId(tx.accounts().nextId())
                .title("Quote " + id.value()).currency(CNY)
                .subtotal(Money.zero(CNY)).total(Money.zero(CNY))
                .validUntil(BASE_DATE.plusDays(14))
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new sales order without lines (totals zero), not shipped.
     *
     * @return a filled builder
     */
    public static SalesOrder.Builder salesOrder(Transaction tx, TenantId tenant) {
        var id = tx.salesOrders().nextId();
        return SalesOrder.builder().id(id).tenantId(tenant).accountId(tx.accounts().nextId())
                .currency(CNY).subtotal(Money.zero(CNY)).total(Money.zero(CNY)).allocated(Money.zero(CNY))
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new draft contract of CNY 5000.00; its number contains its id.
     *
     * @return a filled builder
     */
    public static Contract.Builder contract(Transaction tx, TenantId tenant) {
        var id = tx.contracts().nextId();
        return Contract.builder().id(id).tenantId(tenant).accountId(tx.accounts().nextId())
                .number("C-" + id.value()).title("Contract " + id.value()).currency(CNY)
                .amount(cny("5000.00")).startsOn(BASE_DATE).endsOn(BASE_DATE.plusYears(1))
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new payment of CNY 500.00 by bank transfer, received on {@link #BASE_DATE}, not allocated and
     * without an external reference (a unique key of payments).
     *
     * @return a filled builder
     */
    public static Payment.Builder payment(Transaction tx, TenantId tenant) {
        var id = tx.payments().nextId();
        return Payment.builder().id(id).tenantId(tenant).accountId(tx.accounts().nextId())
                .amount(cny("500.00")).receivedOn(BASE_DATE).method(PaymentMethod.BANK_TRANSFER)
                .note("Payment " + id.value())
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new active allocation of CNY 100.00 of a payment to an order, made by {@link #OWNER}.
     *
     * @return a filled builder
     */
    public static PaymentAllocation.Builder paymentAllocation(Transaction tx, TenantId tenant) {
        var id = tx.paymentAllocations().nextId();
        return PaymentAllocation.builder().id(id).tenantId(tenant)
                .paymentId(tx.payments().nextId()).orderId(tx.salesOrders().nextId())
                .amount(cny("100.00")).allocatedAt(BASE).allocatedBy(OWNER)
                .createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new payment plan for an order: CNY 300.00 due in 10 days and CNY 200.00 due in 40, nothing paid.
     *
     * @return a filled builder
     */
    public static PaymentPlan.Builder paymentPlan(Transaction tx, TenantId tenant) {
        var id = tx.paymentPlans().nextId();
        return PaymentPlan.builder().id(id).tenantId(tenant).accountId(tx.accounts().nextId())
                .orderId(tx.salesOrders().nextId()).currency(CNY)
                .installments(List.of(
                        Installment.of(1, BASE_DATE.plusDays(10), cny("300.00")),
                        Installment.of(2, BASE_DATE.plusDays(40), cny("200.00"))))
                .createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new travel expense of CNY 88.00 spent on {@link #BASE_DATE}.
     *
     * @return a filled builder
     */
    public static ExpenseRecord.Builder expense(Transaction tx, TenantId tenant) {
        var id = tx.expenses().nextId();
        return ExpenseRecord.builder().id(id).tenantId(tenant).accountId(tx.accounts().nextId())
                .kind("travel").amount(cny("88.00")).spentOn(BASE_DATE).note("Expense " + id.value())
                .owner(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new call with an account, at {@link #BASE}, by {@link #OWNER}.
     *
     * @return a filled builder
     */
    public static FollowUpRecord.Builder followUp(Transaction tx, TenantId tenant) {
        var id = tx.followUps().nextId();
        return FollowUpRecord.builder().id(id).tenantId(tenant)
                .target(RecordRef.of(RecordType.ACCOUNT, tx.accounts().nextId()))
                .kind(FollowUpKind.CALL).content("Called about " + id.value()).occurredAt(BASE).author(OWNER)
                .createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new pending reminder for {@link #OWNER} about an account, due a day after {@link #BASE}.
     *
     * @return a filled builder
     */
    public static Reminder.Builder reminder(Transaction tx, TenantId tenant) {
        var id = tx.reminders().nextId();
        return Reminder.builder().id(id).tenantId(tenant)
                .target(RecordRef.of(RecordType.ACCOUNT, tx.accounts().nextId()))
                .recipients(Set.of(OWNER)).dueAt(BASE.plus(Duration.ofDays(1)))
                .text("Call back " + id.value())
                .createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new one-hour meeting about an account, a day after {@link #BASE}, organised by {@link #OWNER}.
     *
     * @return a filled builder
     */
    public static ScheduleEntry.Builder scheduleEntry(Transaction tx, TenantId tenant) {
        var id = tx.scheduleEntries().nextId();
        Instant start = BASE.plus(Duration.ofDays(1));
        return ScheduleEntry.builder().id(id).tenantId(tenant)
                .target(RecordRef.of(RecordType.ACCOUNT, tx.accounts().nextId()))
                .title("Meeting " + id.value()).startsAt(start).endsAt(start.plus(Duration.ofHours(1)))
                .attendees(Set.of(OWNER)).location("Shanghai")
                .organizer(OWNER).createdAt(BASE).updatedAt(BASE);
    }

    /**
     * A new change-log entry about {@code record}: action {@code account.update} by {@link #OWNER} at
     * {@link #BASE}, no context.
     *
     * @return a filled builder
     */
    public static ChangeLogEntry.Builder changeLogEntry(Transaction tx, TenantId tenant, RecordRef record) {
        return ChangeLogEntry.builder().id(tx.changeLog().nextId()).tenantId(tenant)
                .record(record).actor(OWNER).at(BASE).action("account.update");
    }

    /**
     * A notification for {@link #OWNER} of type {@code tck.notice}, made at {@link #BASE}.
     *
     * @param deduplicationKey its key; the outbox keeps one entry per key and tenant
     * @return the notification
     */
    public static Notification notification(TenantId tenant, String deduplicationKey) {
        return new Notification(tenant, Set.of(OWNER), "tck.notice", null,
                Map.of("key", deduplicationKey), deduplicationKey, BASE);
    }

    /**
     * A notification about {@code record}.
     *
     * @see #notification(TenantId, String)
     */
    public static Notification notification(TenantId tenant, RecordRef record, String deduplicationKey) {
        return new Notification(tenant, Set.of(OWNER), "tck.notice", record,
                Map.of("key", deduplicationKey), deduplicationKey, BASE);
    }
}
