package io.crmkit.rules.lead;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.memory.InMemoryDirectory;
import io.crmkit.spi.notify.Notification;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One tenant's CRM in memory for the lead life-cycle and follow-up tests: a test clock, users with
 * their roles, a lead pool, leads created through {@link LeadIntake}, and readers for what the
 * commands leave behind. Public
 * because the follow-up tests in {@code io.crmkit.rules.activity} use it too.
 */
public final class LifecycleFixture {
    /** The tenant every test acts in. */
    public static final TenantId TENANT = TenantId.of("acme");
    /** Another tenant, whose records the first one must never reach. */
    public static final TenantId OTHER_TENANT = TenantId.of("globex");
    /** A sales rep; owns the leads the tests create unless they say otherwise. */
    public static final UserId OWNER = UserId.of("alice");
    /** Another sales rep, member of the pool. */
    public static final UserId MEMBER = UserId.of("bob");
    /** The lead pool's admin. */
    public static final UserId POOL_ADMIN = UserId.of("carol");
    /** A tenant-wide CRM admin. */
    public static final UserId TENANT_ADMIN = UserId.of("dan");
    /** When the tests start: 09:00 in Shanghai. */
    public static final Instant START = Instant.parse("2026-11-02T01:00:00Z");

    public final MutableClock clock = MutableClock.at(START);
    public final InMemoryCrmStore store = InMemoryCrmStore.create(clock);
    public final RulesContext rules = new RulesContext(store, clock,
            TenantSettingsSource.fixed(TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))),
            InMemoryDirectory.builder().build(), new InMemoryApprovalGateway(), InMemoryCompanyRegistry.empty(),
            Crm.DEFAULT_ADMIN_ROLE);
    /** A lead pool administered by {@link #POOL_ADMIN}, with {@link #OWNER} and {@link #MEMBER} as members. */
    public final LeadPoolId pool;

    public LifecycleFixture() {
        pool = rules.command(actor(TENANT_ADMIN), cmd -> cmd.tx().leadPools().insert(LeadPool.builder()
                .id(cmd.tx().leadPools().nextId())
                .tenantId(TENANT)
                .name("Trade fair 2026")
                .admins(Set.of(POOL_ADMIN))
                .members(PoolMembers.ofUsers(OWNER, MEMBER))
                .rules(PoolRules.defaults())
                .createdAt(cmd.now())
                .updatedAt(cmd.now())
                .build())).id();
    }

    /** {@code user} as an actor of {@link #TENANT}; {@link #TENANT_ADMIN} has the admin role. */
    public static Actor actor(UserId user) {
        Actor actor = Actor.of(TENANT, user);
        return user.equals(TENANT_ADMIN) ? actor.withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE)) : actor;
    }

    /** A lead in the pool, owned by {@link #OWNER}. */
    public Lead poolLead() {
        return createLead(pool, OWNER);
    }

    /**
     * Creates a lead through {@link LeadIntake#create}, as the tenant admin.
     *
     * @param inPool the lead's pool, or null
     * @param owner its owner, or null (then {@code inPool} is required)
     */
    public Lead createLead(LeadPoolId inPool, UserId owner) {
        return new LeadIntake(rules).create(actor(TENANT_ADMIN), new NewLead("Wang Fang",
                "Shanghai Lianhe Trading Co., Ltd.", "+86 138 0013 8000", "wang.fang@lianhe.example", "fair",
                "Wants 200 units before the spring festival", inPool, owner, null)).lead();
    }

    /** Stores {@code lead} as it is (for states the commands under test do not reach, such as CONVERTED). */
    public Lead overwrite(Lead lead) {
        return store.transact(tx -> tx.leads().update(lead));
    }

    /** The lead as stored now. */
    public Lead lead(LeadId id) {
        return store.transact(tx -> tx.leads().get(TENANT, id));
    }

    /** The change-log entries of {@code record}, oldest first. */
    public List<ChangeLogEntry> log(RecordRef record) {
        List<ChangeLogEntry> entries = new ArrayList<>();
        store.transact(tx -> {
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<ChangeLogEntry> page = tx.changeLog().ofRecord(TENANT, record, request);
                entries.addAll(page.items());
                if (!page.hasNext()) {
                    return null;
                }
                request = request.next(page);
            }
        });
        Collections.reverse(entries);
        return entries;
    }

    /** The change-log entries of the lead, oldest first. */
    public List<ChangeLogEntry> log(LeadId lead) {
        return log(ref(lead));
    }

    /** Every follow-up record of the tenant, in creation order. */
    public List<FollowUpRecord> followUps() {
        return store.transact(tx -> tx.followUps().list(TENANT, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }

    /** The notifications waiting in the tenant's outbox, oldest first. */
    public List<Notification> notifications() {
        return store.transact(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().map(OutboxEntry::notification).toList());
    }

    /** The change-log reference of a lead. */
    public static RecordRef ref(LeadId lead) {
        return RecordRef.of(RecordType.LEAD, lead);
    }

    /** A clock that stands still until a test moves it; safe to read and move from several threads. */
    public static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        /** A clock standing at {@code start}, in UTC. */
        public static MutableClock at(Instant start) {
            return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
        }

        /** Moves the clock forward by {@code step}. */
        public void advance(Duration step) {
            now.updateAndGet(t -> t.plus(step));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        /** The same moving time, seen in {@code zone}. */
        @Override
        public Clock withZone(ZoneId zone) {
            return new MutableClock(now, zone);
        }
    }
}
