package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.rules.lead.PoolTestClock;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.memory.InMemoryDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tenant with one public pool (admin {@code pool-admin}; members alice and bob) and an in-memory
 * store, for the account care tests. Zone Asia/Shanghai; the clock starts at 10:00 there on 2026-03-02.
 */
final class AccountCareFixture {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    static final TenantId TENANT = TenantId.of("acme");
    static final UserId POOL_ADMIN = UserId.of("pool-admin");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    /** In no pool. */
    static final UserId DAVE = UserId.of("dave");
    /** Has the tenant admin role. */
    static final UserId BOSS = UserId.of("boss");
    static final PoolId POOL = PoolId.of("P1");

    final PoolTestClock clock = new PoolTestClock(START);
    final CrmStore store = InMemoryCrmStore.create(clock);
    final InMemoryApprovalGateway approvals = new InMemoryApprovalGateway();
    final RulesContext rules;
    private int accounts;

    AccountCareFixture() {
        TenantSettingsSource settings = TenantSettingsSource.fixed(
                TenantSettings.defaults(ZONE, Currency.getInstance("CNY")));
        this.rules = new RulesContext(store, clock, settings, InMemoryDirectory.builder().build(), approvals,
                InMemoryCompanyRegistry.empty(), Crm.DEFAULT_ADMIN_ROLE);
    }

    static Actor actor(UserId user) {
        return user.equals(BOSS)
                ? Actor.of(TENANT, user).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE))
                : Actor.of(TENANT, user);
    }

    /** The pool {@link #POOL} with {@code rules}. */
    AccountCareFixture withPool(PoolRules rules) {
        Pool pool = Pool.builder().id(POOL).tenantId(TENANT).name("East pool").addAdmin(POOL_ADMIN)
                .members(PoolMembers.ofUsers(ALICE, BOB)).rules(rules)
                .createdAt(clock.instant()).updatedAt(clock.instant()).build();
        store.transact(tx -> tx.pools().insert(pool));
        return this;
    }

    /** An account built by {@code shape} from a plain one, stored with its {@code account.create} entry. */
    Account account(UnaryOperator<Account.Builder> shape) {
        int n = ++accounts;
        Account draft = shape.apply(Account.builder()
                .id(io.crmkit.core.account.AccountId.of("A" + n))
                .tenantId(TENANT)
                .name("Company " + n)
                .phone("021-5555" + String.format("%04d", n))
                .createdAt(clock.instant())
                .updatedAt(clock.instant())).build();
        return rules.command(actor(BOSS), cmd -> {
            Account stored = cmd.tx().accounts().insert(draft);
            cmd.log(AccountAccess.ref(stored), AccountAccess.poolContext(stored), "account.create", null, stored, null);
            return stored;
        });
    }

    /** An account owned by {@code owner} since now, in no pool. */
    Account owned(UserId owner) {
        return account(b -> b.owner(owner).ownedSince(clock.instant()));
    }

    /** An unowned account sitting in {@link #POOL}. */
    Account inPool() {
        return account(b -> b.poolId(POOL));
    }

    /** An account claimed from {@link #POOL} by {@code owner}, owned since now. */
    Account claimed(UserId owner) {
        return account(b -> b.poolId(POOL).owner(owner).ownedSince(clock.instant()));
    }

    Contact contact(Account account, String name) {
        return store.transact(tx -> tx.contacts().insert(Contact.builder()
                .id(tx.contacts().nextId()).tenantId(TENANT).accountId(account.id()).name(name)
                .owner(account.owner()).createdAt(clock.instant()).updatedAt(clock.instant()).build()));
    }

    Account stored(Account account) {
        return store.transact(tx -> tx.accounts().get(TENANT, account.id()));
    }

    Contact stored(Contact contact) {
        return store.transact(tx -> tx.contacts().get(TENANT, contact.id()));
    }

    long accountCount() {
        return store.transact(tx -> (long) tx.accounts().list(TENANT, PageRequest.first(1000)).items().size());
    }

    /** The change-log entries of {@code record}, newest first. */
    List<ChangeLogEntry> log(RecordType type, io.crmkit.core.record.RecordId id) {
        return store.transact(tx -> tx.changeLog().ofRecord(TENANT, RecordRef.of(type, id), PageRequest.first(1000)).items());
    }

    List<ChangeLogEntry> accountLog(Account account) {
        return log(RecordType.ACCOUNT, account.id());
    }
}
