package io.crmkit.rules.sales;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.lead.PoolTestClock;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tenant for the sales command tests: an in-memory {@link Crm} with a hand-moved clock, settings a
 * test may change at any point, users in every role, accounts and a small catalogue.
 *
 * <p>Zone Asia/Shanghai, currency CNY; the clock starts at 10:00 Shanghai time on 2026-03-02.
 * {@link #REP} owns the accounts {@link #account()} makes; {@link #TEAMMATE} is a read-write team
 * member of them and {@link #VIEWER} a read-only one; {@link #OTHER} has nothing to do with them;
 * {@link #BOSS} has the tenant admin role.
 */
public final class SalesFixture {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    public static final TenantId TENANT = TenantId.of("acme");
    public static final Currency CNY = Currency.getInstance("CNY");
    public static final Currency JPY = Currency.getInstance("JPY");
    public static final UserId REP = UserId.of("alice");
    public static final UserId TEAMMATE = UserId.of("carol");
    public static final UserId VIEWER = UserId.of("dave");
    public static final UserId OTHER = UserId.of("bob");
    public static final UserId BOSS = UserId.of("boss");

    public final PoolTestClock clock = new PoolTestClock(START);
    public final CrmStore store;
    public final Crm crm;
    private volatile TenantSettings settings = TenantSettings.defaults(ZONE, CNY);
    private int accounts;
    private int products;

    public SalesFixture() {
        this.store = InMemoryCrmStore.create(clock);
        this.crm = Crm.builder().store(store).clock(clock).tenantSettings(tenant -> settings).build();
    }

    /** The actor for {@code user}; {@link #BOSS} carries the admin role. */
    public static Actor actor(UserId user) {
        return user.equals(BOSS)
                ? Actor.of(TENANT, user).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE))
                : Actor.of(TENANT, user);
    }

    /** The current settings. */
    public TenantSettings settings() {
        return settings;
    }

    /** Changes the tenant's settings from now on. */
    public SalesFixture settings(UnaryOperator<TenantSettings.Builder> change) {
        this.settings = change.apply(settings.toBuilder()).build();
        return this;
    }

    /** Moves the clock forward. */
    public void advance(Duration step) {
        clock.advance(step);
    }

    /** Moves the clock forward by {@code days} days. */
    public void advanceDays(int days) {
        clock.advance(Duration.ofDays(days));
    }

    /** An account owned by {@link #REP}, {@link #TEAMMATE} read-write and {@link #VIEWER} read-only on its team. */
    public Account account() {
        return account(b -> b);
    }

    /** An account shaped by {@code shape} from the default one. */
    public Account account(UnaryOperator<Account.Builder> shape) {
        int n = ++accounts;
        Instant now = clock.instant();
        Account draft = shape.apply(Account.builder().id(AccountId.of("A" + n)).tenantId(TENANT)
                .name("Company " + n).dealStatus(DealStatus.NOT_YET).owner(REP).ownedSince(now)
                .teamMembers(List.of(TeamMember.readWrite(TEAMMATE), TeamMember.readOnly(VIEWER)))
                .createdAt(now).updatedAt(now)).build();
        return store.transact(tx -> tx.accounts().insert(draft));
    }

    /** An on-shelf product at list price {@code price} (such as {@code "100.00"}) in {@code currency}. */
    public Product product(String name, String price, Currency currency) {
        return product(name, price, currency, ShelfStatus.ON_SHELF);
    }

    /** An on-shelf CNY product at list price {@code price}. */
    public Product product(String name, String price) {
        return product(name, price, CNY);
    }

    /** A product with {@code status}. */
    public Product product(String name, String price, Currency currency, ShelfStatus status) {
        int n = ++products;
        Instant now = clock.instant();
        Product product = Product.builder().id(ProductId.of("P" + n)).tenantId(TENANT).name(name)
                .shelfStatus(status).unit("pcs").listPrice(UnitPrice.of(new java.math.BigDecimal(price), currency))
                .owner(BOSS).createdAt(now).updatedAt(now).build();
        return store.transact(tx -> tx.products().insert(product));
    }

    /** The change log of a record, oldest first. */
    public List<ChangeLogEntry> log(RecordType type, RecordId id) {
        List<ChangeLogEntry> entries = new ArrayList<>(store.transact(tx -> tx.changeLog()
                .ofRecord(TENANT, RecordRef.of(type, id), PageRequest.first(1000)).items()));
        Collections.reverse(entries);
        return entries;
    }

    /** The last change-log entry of a record. */
    public ChangeLogEntry lastEntry(RecordType type, RecordId id) {
        List<ChangeLogEntry> entries = log(type, id);
        if (entries.isEmpty()) {
            throw new AssertionError("no change-log entry for " + type + " " + id);
        }
        return entries.get(entries.size() - 1);
    }

    /**
     * Every account, product, opportunity, quote, order and contract of the tenant (versions included):
     * equal before and after a refused command when it changed nothing.
     */
    public List<Object> everything() {
        PageRequest all = PageRequest.first(PageRequest.MAX_LIMIT);
        return store.transact(tx -> {
            List<Object> records = new ArrayList<>();
            records.addAll(tx.accounts().list(TENANT, all).items());
            records.addAll(tx.products().list(TENANT, all).items());
            records.addAll(tx.opportunities().list(TENANT, all).items());
            records.addAll(tx.quotes().list(TENANT, all).items());
            records.addAll(tx.salesOrders().list(TENANT, all).items());
            records.addAll(tx.contracts().list(TENANT, all).items());
            return records;
        });
    }

    /** The pending notifications. */
    public List<OutboxEntry> outbox() {
        return store.transact(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(1000)).items());
    }

    /** The query context at the clock's instant in the tenant's zone. */
    public QueryContext query() {
        return new QueryContext(clock.instant(), ZONE);
    }
}
