package io.crmkit.rules.lead;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.memory.InMemoryDirectory;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import io.crmkit.spi.query.ChangeLogQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tenant with lead pools, members and an in-memory store, for the lead pool command tests. The
 * tenant's zone is Asia/Shanghai; the clock starts at 10:00 there on 2026-03-02.
 */
final class LeadPoolFixture {
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
    static final LeadPoolId POOL = LeadPoolId.of("LP1");
    static final LeadPoolId OTHER_POOL = LeadPoolId.of("LP2");

    final PoolTestClock clock = new PoolTestClock(START);
    final CrmStore store;
    final RulesContext rules;
    final LeadPoolCommands commands;
    private int leads;

    LeadPoolFixture() {
        this(UnaryOperator.identity());
    }

    /** A fixture whose in-memory store is seen through {@code wrap} (for example to record its calls). */
    LeadPoolFixture(UnaryOperator<CrmStore> wrap) {
        this.store = wrap.apply(InMemoryCrmStore.create(clock));
        InMemoryDirectory directory = InMemoryDirectory.builder()
                .tenant(TENANT, t -> t.department(EAST).user(ERIN).member(ERIN, EAST))
                .build();
        TenantSettingsSource settings = TenantSettingsSource.fixed(
                TenantSettings.defaults(ZONE, Currency.getInstance("CNY")));
        this.rules = new RulesContext(store, clock, settings, directory, new InMemoryApprovalGateway(),
                InMemoryCompanyRegistry.empty(), Crm.DEFAULT_ADMIN_ROLE);
        this.commands = new LeadPoolCommands(rules);
    }

    static Actor actor(UserId user) {
        return user.equals(BOSS)
                ? Actor.of(TENANT, user).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE))
                : Actor.of(TENANT, user);
    }

    /** Both pools, members alice, bob, carol and the east department; {@code rules} for the first. */
    LeadPoolFixture withPools(PoolRules rules) {
        pool(POOL, rules);
        pool(OTHER_POOL, PoolRules.defaults());
        return this;
    }

    LeadPool pool(LeadPoolId id, PoolRules rules) {
        return pool(id, rules, new PoolMembers(Set.of(ALICE, BOB, CAROL), Set.of(EAST)));
    }

    LeadPool pool(LeadPoolId id, PoolRules rules, PoolMembers members) {
        LeadPool pool = LeadPool.builder()
                .id(id)
                .tenantId(TENANT)
                .name("Pool " + id)
                .addAdmin(POOL_ADMIN)
                .members(members)
                .rules(rules)
                .createdAt(clock.instant())
                .updatedAt(clock.instant())
                .build();
        return store.transact(tx -> tx.leadPools().insert(pool));
    }

    /** An unowned lead created in {@code pool} now, with its {@code lead.create} entry, as intake writes it. */
    Lead lead(LeadPoolId pool) {
        return create(b -> b.poolId(pool));
    }

    /** A lead built by {@code shape} from a NEW one, stored with a {@code lead.create} entry. */
    Lead create(UnaryOperator<Lead.Builder> shape) {
        int n = ++leads;
        Lead draft = shape.apply(Lead.builder()
                .id(LeadId.of("L" + n))
                .tenantId(TENANT)
                .personName("Person " + n)
                .company("Company " + n)
                .phone("1380000" + String.format("%04d", n))
                .details("wants a quote")
                .status(LeadStatus.NEW)
                .createdAt(clock.instant())
                .updatedAt(clock.instant())).build();
        return rules.command(actor(POOL_ADMIN), cmd -> {
            Lead stored = cmd.tx().leads().insert(draft);
            RecordRef context = stored.poolId() == null ? null : RecordRef.of(RecordType.LEAD_POOL, stored.poolId());
            cmd.log(RecordRef.of(RecordType.LEAD, stored.id()), context, "lead.create", null, stored, null);
            return stored;
        });
    }

    /** A converted lead of {@code pool} owned by {@code owner}. */
    Lead convertedLead(LeadPoolId pool, UserId owner) {
        return create(b -> b.poolId(pool).owner(owner).ownedSince(clock.instant()).status(LeadStatus.CONVERTED)
                .convertedAccountId(AccountId.of("A1")).convertedContactId(ContactId.of("C1"))
                .convertedAt(clock.instant()));
    }

    /** Writes {@code change} of the stored lead directly, as another command would (with a log entry). */
    Lead change(LeadId id, String action, UnaryOperator<Lead> change) {
        return rules.command(actor(BOSS), cmd -> {
            Lead before = cmd.tx().leads().get(TENANT, id);
            Lead after = cmd.tx().leads().update(change.apply(before).toBuilder().updatedAt(cmd.now()).build());
            RecordRef context = after.poolId() == null ? null : RecordRef.of(RecordType.LEAD_POOL, after.poolId());
            cmd.log(RecordRef.of(RecordType.LEAD, id), context, action, before, after, null);
            return after;
        });
    }

    Lead reload(LeadId id) {
        return store.transact(tx -> tx.leads().get(TENANT, id));
    }

    /** The lead's change log, oldest first. */
    List<ChangeLogEntry> log(LeadId id) {
        List<ChangeLogEntry> entries = new ArrayList<>(store.transact(tx -> tx.changeLog()
                .ofRecord(TENANT, RecordRef.of(RecordType.LEAD, id), PageRequest.first(1000)).items()));
        Collections.reverse(entries);
        return entries;
    }

    /** The last entry of the lead's change log. */
    ChangeLogEntry lastEntry(LeadId id) {
        List<ChangeLogEntry> entries = log(id);
        return entries.get(entries.size() - 1);
    }

    /** The pool log of {@code pool}, newest first. */
    List<ChangeLogEntry> poolLog(LeadPoolId pool) {
        return store.transact(tx -> tx.changeLog()
                .ofContext(TENANT, RecordRef.of(RecordType.LEAD_POOL, pool), PageRequest.first(1000)).items());
    }

    /** How many entries the whole tenant log holds for {@code action} today and before (a wide window). */
    long countActions(String action, UserId actor) {
        return store.transact(tx -> tx.changeLog().count(TENANT, new ChangeLogQuery(action, null, actor, null,
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"))));
    }

    /** The pending notifications. */
    List<OutboxEntry> outbox() {
        return store.transact(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(1000)).items());
    }

    long held(LeadPoolId pool, UserId member) {
        return store.transact(tx -> tx.leads().countHeld(TENANT, pool, member,
                new QueryContext(clock.instant(), ZONE)));
    }

    /** What a refused command must leave as it was: the lead (its version too), its log, its notifications. */
    record Snapshot(Lead lead, int logSize, long notifications) {}

    Snapshot snapshot(LeadId id) {
        RecordRef ref = RecordRef.of(RecordType.LEAD, id);
        return new Snapshot(reload(id), log(id).size(),
                outbox().stream().filter(e -> ref.equals(e.notification().record())).count());
    }

    /** Asserts nothing changed since {@code before}. */
    void assertUnchanged(Snapshot before) {
        org.assertj.core.api.Assertions.assertThat(snapshot(before.lead().id())).isEqualTo(before);
    }
}
