package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.DepartmentId;
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
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.memory.InMemoryDirectory;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tenant with two public pools, members and an in-memory store, for the account pool command
 * tests. The tenant's zone is Asia/Shanghai; the clock starts at 10:00 there on 2026-03-02.
 */
final class AccountPoolFixture {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    static final TenantId TENANT = TenantId.of("acme");
    static final UserId POOL_ADMIN = UserId.of("pool-admin");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");
    /** A member through the directory: she belongs to the member department. */
    static final UserId ERIN = UserId.of("erin");
    /** Nobody in the pool. */
    static final UserId DAVE = UserId.of("dave");
    /** Has the tenant admin role. */
    static final UserId BOSS = UserId.of("boss");
    static final DepartmentId EAST = DepartmentId.of("sales-east");
    static final PoolId POOL = PoolId.of("P1");
    static final PoolId OTHER_POOL = PoolId.of("P2");

    final PoolTestClock clock = new PoolTestClock(START);
    final CrmStore store;
    final RulesContext rules;
    final AccountPoolCommands commands;
    private int accounts;

    AccountPoolFixture() {
        this.store = InMemoryCrmStore.create(clock);
        InMemoryDirectory directory = InMemoryDirectory.builder()
                .tenant(TENANT, t -> t.department(EAST).user(ERIN).member(ERIN, EAST))
                .build();
        TenantSettingsSource settings = TenantSettingsSource.fixed(
                TenantSettings.defaults(ZONE, Currency.getInstance("CNY")));
        this.rules = new RulesContext(store, clock, settings, directory, new InMemoryApprovalGateway(),
                InMemoryCompanyRegistry.empty(), Crm.DEFAULT_ADMIN_ROLE);
        this.commands = new AccountPoolCommands(rules);
    }

    static Actor actor(UserId user) {
        return user.equals(BOSS)
                ? Actor.of(TENANT, user).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE))
                : Actor.of(TENANT, user);
    }

    /** Both pools, members alice, bob, carol and the east department; {@code rules} for the first. */
    AccountPoolFixture withPools(PoolRules rules) {
        pool(POOL, rules);
        pool(OTHER_POOL, PoolRules.defaults());
        return this;
    }

    Pool pool(PoolId id, PoolRules rules) {
        return pool(id, rules, new PoolMembers(Set.of(ALICE, BOB, CAROL), Set.of(EAST)));
    }

    Pool pool(PoolId id, PoolRules rules, PoolMembers members) {
        Pool pool = Pool.builder().id(id).tenantId(TENANT).name("Pool " + id).addAdmin(POOL_ADMIN)
                .members(members).rules(rules).createdAt(clock.instant()).updatedAt(clock.instant()).build();
        return store.transact(tx -> tx.pools().insert(pool));
    }

    /** An unowned account created in {@code pool} now, with its {@code account.create} entry. */
    Account account(PoolId pool) {
        return create(b -> b.poolId(pool));
    }

    /** An account of {@code pool} owned by {@code owner} since now. */
    Account owned(PoolId pool, UserId owner) {
        return create(b -> b.poolId(pool).owner(owner).ownedSince(clock.instant()));
    }

    /** An account built by {@code shape}, stored with an {@code account.create} entry. */
    Account create(UnaryOperator<Account.Builder> shape) {
        int n = ++accounts;
        Account draft = shape.apply(Account.builder().id(AccountId.of("A" + n)).tenantId(TENANT)
                .name("Company " + n).dealStatus(DealStatus.NOT_YET)
                .createdAt(clock.instant()).updatedAt(clock.instant())).build();
        return rules.command(actor(POOL_ADMIN), cmd -> {
            Account stored = cmd.tx().accounts().insert(draft);
            cmd.log(AccountAccess.ref(stored), AccountAccess.poolContext(stored), "account.create", null, stored, null);
            return stored;
        });
    }

    /** A contact of {@code account} owned by {@code owner} (null: ownerless). */
    Contact contact(AccountId account, UserId owner) {
        return store.transact(tx -> tx.contacts().insert(Contact.builder().id(tx.contacts().nextId())
                .tenantId(TENANT).accountId(account).name("Wang Fang").owner(owner)
                .createdAt(clock.instant()).updatedAt(clock.instant()).build()));
    }

    /** The contacts of {@code account}. */
    List<Contact> contacts(AccountId account) {
        return store.transact(tx -> tx.contacts().ofAccount(TENANT, account, query(), PageRequest.first(1000)).items());
    }

    Account reload(AccountId id) {
        return store.transact(tx -> tx.accounts().get(TENANT, id));
    }

    /** The account's change log, oldest first. */
    List<ChangeLogEntry> log(AccountId id) {
        List<ChangeLogEntry> entries = new ArrayList<>(store.transact(tx -> tx.changeLog()
                .ofRecord(TENANT, RecordRef.of(RecordType.ACCOUNT, id), PageRequest.first(1000)).items()));
        Collections.reverse(entries);
        return entries;
    }

    /** The last entry of the account's change log. */
    ChangeLogEntry lastEntry(AccountId id) {
        List<ChangeLogEntry> entries = log(id);
        return entries.get(entries.size() - 1);
    }

    /** The pool log of {@code pool}, newest first. */
    List<ChangeLogEntry> poolLog(PoolId pool) {
        return store.transact(tx -> tx.changeLog()
                .ofContext(TENANT, RecordRef.of(RecordType.POOL, pool), PageRequest.first(1000)).items());
    }

    /** The pending notifications. */
    List<OutboxEntry> outbox() {
        return store.transact(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(1000)).items());
    }

    long held(PoolId pool, UserId member, boolean includeWon) {
        return store.transact(tx -> tx.accounts().countHeld(TENANT, pool, member, includeWon, query()));
    }

    QueryContext query() {
        return new QueryContext(clock.instant(), ZONE);
    }

    /** What a refused command must leave as it was: the account (its version too), its log, its notifications. */
    record Snapshot(Account account, int logSize, long notifications) {}

    Snapshot snapshot(AccountId id) {
        RecordRef ref = RecordRef.of(RecordType.ACCOUNT, id);
        return new Snapshot(reload(id), log(id).size(),
                outbox().stream().filter(e -> ref.equals(e.notification().record())).count());
    }

    /** Asserts nothing changed since {@code before}. */
    void assertUnchanged(Snapshot before) {
        org.assertj.core.api.Assertions.assertThat(snapshot(before.account().id())).isEqualTo(before);
    }
}
