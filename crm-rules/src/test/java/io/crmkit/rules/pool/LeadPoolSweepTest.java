package io.crmkit.rules.pool;

import static io.crmkit.rules.pool.SweepFixture.ALICE;
import static io.crmkit.rules.pool.SweepFixture.BOB;
import static io.crmkit.rules.pool.SweepFixture.POOL_ADMIN;
import static io.crmkit.rules.pool.SweepFixture.SYSTEM;
import static io.crmkit.rules.pool.SweepFixture.TENANT;
import static io.crmkit.rules.pool.SweepFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.outbox.OutboxEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The pool sweep over lead pools: the same engine as public pools, with leads' own conditions. */
class LeadPoolSweepTest {
    private static final LeadPoolId LEAD_POOL = LeadPoolId.of("LP1");

    /** Every lead: recycled after 15 days without follow-up, warned 3 days before; level limits ignored. */
    private static RecycleRule fifteenDays() {
        return RecycleRule.builder().id("all-15").name("15 days").basis(InactivityBasis.NO_FOLLOW_UP)
                .days(15).warnDaysBefore(3).daysByLevel(Map.of("A", 5)).build();
    }

    private int leads;

    private void leadPool(SweepFixture f, RecycleRule rule) {
        LeadPool pool = LeadPool.builder().id(LEAD_POOL).tenantId(TENANT).name("Fair leads").addAdmin(POOL_ADMIN)
                .members(new PoolMembers(Set.of(ALICE, BOB), Set.of()))
                .rules(PoolRules.builder().recycleRules(List.of(rule)).build())
                .createdAt(f.clock.instant()).updatedAt(f.clock.instant()).build();
        f.store.transact(tx -> tx.leadPools().insert(pool));
    }

    /** A lead of the lead pool owned by alice since now, shaped by {@code shape}. */
    private Lead lead(SweepFixture f, UnaryOperator<Lead.Builder> shape) {
        int n = ++leads;
        Lead lead = shape.apply(Lead.builder().id(LeadId.of(String.format("L%04d", n))).tenantId(TENANT)
                .personName("Person " + n).company("Company " + n).poolId(LEAD_POOL).owner(ALICE)
                .ownedSince(f.clock.instant()).createdAt(f.clock.instant()).updatedAt(f.clock.instant())).build();
        return f.store.transact(tx -> tx.leads().insert(lead));
    }

    private static Lead reload(SweepFixture f, LeadId id) {
        return f.store.transact(tx -> tx.leads().get(TENANT, id));
    }

    private static List<ChangeLogEntry> log(SweepFixture f, LeadId id) {
        return f.store.transact(tx -> tx.changeLog()
                .ofRecord(TENANT, RecordRef.of(RecordType.LEAD, id), PageRequest.first(100)).items());
    }

    private static List<OutboxEntry> notifications(SweepFixture f, String type, LeadId id) {
        RecordRef ref = RecordRef.of(RecordType.LEAD, id);
        return f.outbox().stream().filter(e -> e.notification().type().equals(type)
                && e.notification().record().equals(ref)).toList();
    }

    @Test
    void warnsOnDay12AndRecyclesOnDay15InTenantCalendarDaysButNeverConvertedOrInvalidLeads() {
        SweepFixture f = new SweepFixture();
        leadPool(f, fifteenDays());
        // Claimed at 00:30 Shanghai on day 1 (16:30 UTC on day 0): day 1 counts as the start.
        f.clock.set(at(1, 0, 30));
        Lead lead = lead(f, b -> b);
        Lead converted = lead(f, b -> b.status(LeadStatus.CONVERTED).convertedAccountId(AccountId.of("A1"))
                .convertedContactId(ContactId.of("C1")).convertedAt(f.clock.instant()));
        Lead invalid = lead(f, b -> b.status(LeadStatus.INVALID).statusBeforeInvalid(LeadStatus.NEW)
                .invalidReason("duplicate"));
        Lead locked = lead(f, b -> b.locked(true));
        Lead voided = lead(f, b -> b.voided(true));

        f.on(12, 23, 59);                                   // day 11 since day 1: too early to warn
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));
        assertThat(f.outbox()).isEmpty();

        f.on(13, 0, 0);                                     // day 12: due on day 16 (= day 15 since the claim)
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 1, 0, 0, List.of()));
        assertThat(notifications(f, PoolSweeper.RECYCLE_WARNING, lead.id())).singleElement().satisfies(e -> {
            assertThat(e.notification().recipients()).containsExactly(ALICE);
            assertThat(e.notification().deduplicationKey())
                    .isEqualTo("lead:recycle-warning:" + lead.id().value() + ":all-15:2026-03-18");
            assertThat(e.notification().payload()).containsEntry("pool", LEAD_POOL.value());
        });
        f.on(14, 9, 0);                                     // same due date: nobody warned twice
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));

        f.clock.set(at(16, 0, 0).minusSeconds(1));          // still day 14 by Shanghai's calendar
        assertThat(f.sweep().recycled()).isZero();
        assertThat(reload(f, lead.id()).owner()).isEqualTo(ALICE);

        f.on(16, 0, 0);                                     // Shanghai midnight: day 15 begins
        assertThat(f.sweep()).isEqualTo(new SweepResult(1, 0, 0, 0, List.of()));
        Lead recycled = reload(f, lead.id());
        assertThat(recycled.owner()).isNull();
        assertThat(recycled.ownedSince()).isNull();
        assertThat(recycled.poolId()).isEqualTo(LEAD_POOL);
        assertThat(recycled.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(recycled.version()).isEqualTo(lead.version() + 1);
        ChangeLogEntry entry = log(f, lead.id()).get(0);
        assertThat(entry.action()).isEqualTo("lead.recycle").isEqualTo(PoolSweeper.LEAD_RECYCLE_ACTION);
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.LEAD_POOL, LEAD_POOL));
        assertThat(entry.reason()).isEqualTo("all-15");
        assertThat(entry.actor()).isEqualTo(SYSTEM);
        assertThat(entry.changes()).contains(new FieldChange("owner", "alice", null),
                new FieldChange("ownedSince", lead.ownedSince().toString(), null));
        assertThat(notifications(f, PoolSweeper.RECYCLED, lead.id())).singleElement()
                .satisfies(e -> assertThat(e.notification().deduplicationKey())
                        .isEqualTo("lead:recycle:" + lead.id().value() + ":all-15:2026-03-18"));

        for (Lead untouched : List.of(converted, invalid, locked, voided)) {
            assertThat(reload(f, untouched.id())).isEqualTo(untouched);
            assertThat(f.outbox()).noneMatch(e -> e.notification().record()
                    .equals(RecordRef.of(RecordType.LEAD, untouched.id())));
        }
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));  // second sweep: nothing
        assertThat(f.outbox()).hasSize(2);
    }

    @Test
    void countsFromTheLaterOfLastFollowUpAndClaimAndIgnoresLevelLimits() {
        SweepFixture f = new SweepFixture();
        leadPool(f, fifteenDays());
        Lead followedUp = lead(f, b -> b.lastFollowUpAt(at(5, 9, 0)));
        Lead claimedLate = lead(f, b -> b.ownedSince(at(5, 9, 0)).lastFollowUpAt(at(0, 9, 0)));
        Lead idle = lead(f, b -> b);

        f.on(15, 10, 0);
        assertThat(f.sweep()).isEqualTo(new SweepResult(1, 0, 0, 0, List.of()));
        assertThat(reload(f, idle.id()).owner()).isNull();
        assertThat(reload(f, followedUp.id()).owner()).isEqualTo(ALICE);
        assertThat(reload(f, claimedLate.id()).owner()).isEqualTo(ALICE);

        f.on(20, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(2);
    }

    @Test
    void accountsAndLeadsAreSweptInOneRun() {
        SweepFixture f = new SweepFixture();
        leadPool(f, fifteenDays());
        f.pool(SweepFixture.POOL, PoolRules.builder().recycleRules(List.of(fifteenDays())).build());
        Lead lead = lead(f, b -> b);
        var account = f.account(f.draft("B"));

        f.on(15, 10, 0);
        assertThat(f.sweep()).isEqualTo(new SweepResult(2, 0, 0, 0, List.of()));
        assertThat(reload(f, lead.id()).owner()).isNull();
        assertThat(f.reload(account.id()).owner()).isNull();
    }
}
