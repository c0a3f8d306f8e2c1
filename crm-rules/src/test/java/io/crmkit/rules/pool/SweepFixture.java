package io.crmkit.rules.pool;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
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
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import io.crmkit.spi.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tenant in Asia/Shanghai with public pools of accounts and a {@link PoolSweeper}, over an in-memory
 * store (optionally seen through a wrapper). Day {@code n} is the tenant date {@link #DAY0} + n; the clock
 * starts at 10:00 Shanghai time on day 0.
 */
final class SweepFixture {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
    static final TenantId TENANT = TenantId.of("acme");
    static final UserId POOL_ADMIN = UserId.of("pool-admin");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId SYSTEM = UserId.of("system-sweeper");
    static final PoolId POOL = PoolId.of("P1");
    static final Actor SWEEPER = Actor.of(TENANT, SYSTEM);

    final PoolTestClock clock = new PoolTestClock(at(0, 10, 0));
    final CrmStore store;
    final RulesContext rules;
    final PoolSweeper sweeper;
    private int accounts;

    SweepFixture() {
        this(UnaryOperator.identity());
    }

    SweepFixture(UnaryOperator<CrmStore> wrap) {
        this.store = wrap.apply(InMemoryCrmStore.create(clock));
        TenantSettingsSource settings = TenantSettingsSource.fixed(
                TenantSettings.defaults(ZONE, Currency.getInstance("CNY")));
        this.rules = new RulesContext(store, clock, settings, InMemoryDirectory.builder().build(),
                new InMemoryApprovalGateway(), InMemoryCompanyRegistry.empty(), Crm.DEFAULT_ADMIN_ROLE);
        this.sweeper = new PoolSweeper(rules);
    }

    /** The instant of {@code hour:minute} Shanghai time on day {@code day}. */
    static Instant at(int day, int hour, int minute) {
        return DAY0.plusDays(day).atTime(hour, minute).atZone(ZONE).toInstant();
    }

    /** Moves the clock to {@code hour:minute} on day {@code day}. */
    SweepFixture on(int day, int hour, int minute) {
        clock.set(at(day, hour, minute));
        return this;
    }

    SweepResult sweep() {
        return sweeper.sweep(TENANT, SWEEPER);
    }

    Pool pool(PoolId id, PoolRules poolRules) {
        Pool pool = Pool.builder().id(id).tenantId(TENANT).name("Pool " + id).addAdmin(POOL_ADMIN)
                .members(new PoolMembers(Set.of(ALICE, BOB), Set.of())).rules(poolRules)
                .createdAt(clock.instant()).updatedAt(clock.instant()).build();
        return store.transact(tx -> tx.pools().insert(pool));
    }

    /** A draft account of {@link #POOL} owned by alice since now, level {@code level}. */
    Account.Builder draft(String level) {
        int n = ++accounts;
        return Account.builder().id(AccountId.of(String.format("A%07d", n))).tenantId(TENANT)
                .name("Company " + n).level(level).poolId(POOL).owner(ALICE).ownedSince(clock.instant())
                .createdAt(clock.instant()).updatedAt(clock.instant());
    }

    /** Stores {@code draft}. */
    Account account(Account.Builder draft) {
        Account account = draft.build();
        return store.transact(tx -> tx.accounts().insert(account));
    }

    /** Stores {@code count} accounts shaped by {@code shape}, a thousand per transaction. */
    void accounts(int count, UnaryOperator<Account.Builder> shape) {
        for (int done = 0; done < count; ) {
            List<Account> batch = new ArrayList<>();
            for (int i = 0; i < 1000 && done < count; i++, done++) {
                batch.add(shape.apply(draft("A")).build());
            }
            store.transact(tx -> {
                batch.forEach(tx.accounts()::insert);
                return null;
            });
        }
    }

    Account reload(AccountId id) {
        return store.transact(tx -> tx.accounts().get(TENANT, id));
    }

    /** Every notification of the tenant (pending), oldest first. */
    List<OutboxEntry> outbox() {
        List<OutboxEntry> all = new ArrayList<>();
        PageRequest request = PageRequest.first(1000);
        while (true) {
            PageRequest current = request;
            Page<OutboxEntry> page = store.transact(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, current));
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            request = request.next(page);
        }
    }

    /** The notifications of {@code type} about {@code account}. */
    List<OutboxEntry> notifications(String type, AccountId account) {
        RecordRef ref = RecordRef.of(RecordType.ACCOUNT, account);
        return outbox().stream().filter(e -> e.notification().type().equals(type)
                && e.notification().record().equals(ref)).toList();
    }

    /** The account's change log, newest first. */
    List<ChangeLogEntry> log(AccountId id) {
        return store.transact(tx -> tx.changeLog()
                .ofRecord(TENANT, RecordRef.of(RecordType.ACCOUNT, id), PageRequest.first(1000)).items());
    }
}
