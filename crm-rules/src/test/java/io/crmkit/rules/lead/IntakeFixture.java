package io.crmkit.rules.lead;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.contact.Contact;
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
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.memory.InMemoryDirectory;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A CRM in memory for the intake, conversion and registry tests: a store on a settable clock, the
 * rules context the services are built from, tenant {@link #TENANT} (and {@link #OTHER_TENANT}),
 * users, lead pools, and readers for the change log and the outbox.
 */
public final class IntakeFixture {
    public static final TenantId TENANT = TenantId.of("t1");
    public static final TenantId OTHER_TENANT = TenantId.of("t2");
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant START = Instant.parse("2026-11-20T02:00:00Z");

    public final SettableClock clock = new SettableClock(START);
    public final InMemoryCrmStore store = InMemoryCrmStore.create(clock);
    public final TenantSettings settings;
    public final RulesContext rules;

    public final Actor admin = Actor.of(TENANT, UserId.of("admin")).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE));
    public final Actor poolAdmin = user("pool-admin");
    public final Actor alice = user("alice");
    public final Actor bob = user("bob");
    public final Actor outsider = user("outsider");

    /** Default settings: Shanghai, CNY, default required fields and duplicate policy. */
    public IntakeFixture() {
        this(settings -> settings);
    }

    /** Settings changed from the defaults by {@code change}. */
    public IntakeFixture(UnaryOperator<TenantSettings.Builder> change) {
        settings = change.apply(TenantSettings.defaults(ZONE, Currency.getInstance("CNY")).toBuilder()).build();
        rules = rulesOver(store);
    }

    /** A rules context like {@link #rules} over another store (for example one that wraps {@link #store}). */
    public RulesContext rulesOver(io.crmkit.spi.CrmStore over) {
        return new RulesContext(over, clock, TenantSettingsSource.fixed(settings), InMemoryDirectory.builder().build(),
                new InMemoryApprovalGateway(), InMemoryCompanyRegistry.sample(), Crm.DEFAULT_ADMIN_ROLE);
    }

    public static Actor user(String id) {
        return Actor.of(TENANT, UserId.of(id));
    }

    /** A lead pool administered by {@link #poolAdmin}, with {@link #alice} and {@link #bob} as members. */
    public LeadPool pool(String id) {
        LeadPool pool = LeadPool.builder().id(LeadPoolId.of(id)).tenantId(TENANT).name("Pool " + id)
                .admins(Set.of(poolAdmin.userId())).members(PoolMembers.ofUsers(alice.userId(), bob.userId()))
                .rules(PoolRules.defaults()).createdAt(clock.instant()).updatedAt(clock.instant()).build();
        return store.transact(tx -> tx.leadPools().insert(pool));
    }

    public Lead lead(LeadId id) {
        return store.transact(tx -> tx.leads().get(TENANT, id));
    }

    /** Stores {@code lead} changed by {@code change} (to put it in a state for a test). */
    public Lead change(LeadId id, UnaryOperator<Lead> change) {
        return store.transact(tx -> tx.leads().update(change.apply(tx.leads().get(TENANT, id))));
    }

    public long leadCount() {
        return store.transact(tx -> tx.leads().count(TENANT, null, query()));
    }

    public List<Account> accounts() {
        return store.transact(tx -> tx.accounts().list(TENANT, PageRequest.first(1000)).items());
    }

    public List<Contact> contacts() {
        return store.transact(tx -> tx.contacts().list(TENANT, PageRequest.first(1000)).items());
    }

    public List<FollowUpRecord> followUps(RecordRef target) {
        return store.transact(tx -> tx.followUps().ofTarget(TENANT, target, query(), PageRequest.first(1000)).items());
    }

    /** Stores a follow-up record about {@code target} by {@code author} at {@code at}. */
    public FollowUpRecord followUp(RecordRef target, Actor author, FollowUpKind kind, String content, Instant at) {
        return store.transact(tx -> tx.followUps().insert(FollowUpRecord.builder().id(tx.followUps().nextId())
                .tenantId(author.tenantId()).target(target).kind(kind).content(content).occurredAt(at)
                .author(author.userId()).createdAt(clock.instant()).updatedAt(clock.instant()).build()));
    }

    /** The change-log entries of {@code record}, newest first. */
    public List<ChangeLogEntry> log(RecordType type, io.crmkit.core.record.RecordId id) {
        return store.transact(tx -> tx.changeLog().ofRecord(TENANT, RecordRef.of(type, id), PageRequest.first(1000))
                .items());
    }

    /** Every change-log entry of the tenant with {@code action}. */
    public List<ChangeLogEntry> logged(String action) {
        return store.transact(tx -> {
            List<ChangeLogEntry> found = new java.util.ArrayList<>();
            for (Lead lead : tx.leads().list(TENANT, PageRequest.first(1000)).items()) {
                found.addAll(tx.changeLog().ofRecord(TENANT, RecordRef.of(RecordType.LEAD, lead.id()),
                        PageRequest.first(1000)).items());
            }
            return found.stream().filter(e -> e.action().equals(action)).toList();
        });
    }

    /** The tenant's pending notifications. */
    public List<OutboxEntry> outbox() {
        return store.transact(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(1000)).items());
    }

    public QueryContext query() {
        return new QueryContext(clock.instant(), ZONE);
    }

    /** A clock tests move by hand. */
    public static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock has one zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
