package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LeadPoolFixture.ALICE;
import static io.crmkit.rules.lead.LeadPoolFixture.BOB;
import static io.crmkit.rules.lead.LeadPoolFixture.BOSS;
import static io.crmkit.rules.lead.LeadPoolFixture.DAVE;
import static io.crmkit.rules.lead.LeadPoolFixture.ERIN;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LeadPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.notify.Notification;
import io.crmkit.spi.outbox.OutboxEntry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Assignments by pool admins: authority, assignee membership, holding limit, forced owner change. */
class LeadAssignTest {

    private static LeadPoolFixture fixture(PoolRules rules) {
        return new LeadPoolFixture().withPools(rules);
    }

    private static RuleViolationException violation(Runnable command) {
        return catchThrowableOfType(RuleViolationException.class, command::run);
    }

    @Test
    void aPoolAdminAssignsALeadToAMemberWhoIsNotified() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        f.clock.advance(Duration.ofMinutes(1));

        Lead assigned = f.commands.assign(actor(POOL_ADMIN), lead.id(), BOB);

        assertThat(assigned.owner()).isEqualTo(BOB);
        assertThat(assigned.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(assigned.version()).isEqualTo(lead.version() + 1);
        ChangeLogEntry entry = f.lastEntry(lead.id());
        assertThat(entry.action()).isEqualTo("lead.assign");
        assertThat(entry.actor()).isEqualTo(POOL_ADMIN);
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.LEAD_POOL, POOL));
        assertThat(entry.changes()).containsExactly(new FieldChange("owner", null, "bob"),
                new FieldChange("ownedSince", null, f.clock.instant().toString()));
        assertThat(f.outbox()).hasSize(1);
        Notification n = f.outbox().get(0).notification();
        assertThat(n.type()).isEqualTo("lead.assigned");
        assertThat(n.recipients()).containsExactly(BOB);
        assertThat(n.record()).isEqualTo(RecordRef.of(RecordType.LEAD, lead.id()));
        assertThat(n.deduplicationKey()).contains(entry.id().value());
        assertThat(n.payload()).containsEntry("leadId", lead.id().value()).containsEntry("poolId", "LP1")
                .containsEntry("by", "pool-admin").containsEntry("changeLogEntryId", entry.id().value());
        assertThat(n.createdAt()).isEqualTo(f.clock.instant());
    }

    @Test
    void aTenantAdminAssignsToo() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);

        assertThat(f.commands.assign(actor(BOSS), lead.id(), ERIN).owner()).isEqualTo(ERIN);
        assertThat(f.lastEntry(lead.id()).actor()).isEqualTo(BOSS);
        assertThat(f.outbox()).extracting(e -> e.notification().recipients()).containsExactly(Set.of(ERIN));
    }

    @Test
    void anAdminWhoIsAlsoAMemberAssignsToThemselvesWithoutNotifyingThemselves() {
        LeadPoolFixture f = new LeadPoolFixture();
        f.pool(POOL, PoolRules.defaults(), PoolMembers.ofUsers(POOL_ADMIN, ALICE));
        Lead lead = f.lead(POOL);

        assertThat(f.commands.assign(actor(POOL_ADMIN), lead.id(), POOL_ADMIN).owner()).isEqualTo(POOL_ADMIN);
        assertThat(f.lastEntry(lead.id()).action()).isEqualTo("lead.assign");
        assertThat(f.outbox()).isEmpty();
    }

    @Test
    void aMemberWhoIsNoAdminMayNotAssignAndNothingChanges() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> f.commands.assign(actor(ALICE), lead.id(), BOB));

        assertThat(e.action()).isEqualTo("lead.assign");
        assertThat(e.getMessage()).contains("pool.not-admin");
        f.assertUnchanged(before);
    }

    @Test
    void theAssigneeMustBeAMember() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        assertThat(violation(() -> f.commands.assign(actor(POOL_ADMIN), lead.id(), DAVE)).rule())
                .isEqualTo("pool.assignee-not-member");
        f.assertUnchanged(before);
        assertThatThrownBy(() -> f.commands.assign(actor(POOL_ADMIN), lead.id(), null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theAssigneesHoldingLimitHolds() {
        LeadPoolFixture f = fixture(PoolRules.builder().maxHeldPerMember(1).build());
        Lead first = f.lead(POOL);
        Lead second = f.lead(POOL);
        f.commands.claim(actor(BOB), first.id());
        LeadPoolFixture.Snapshot before = f.snapshot(second.id());

        RuleViolationException e = violation(() -> f.commands.assign(actor(POOL_ADMIN), second.id(), BOB));

        assertThat(e.rule()).isEqualTo("pool.holding-limit");
        assertThat(e.limit()).isEqualTo(1);
        f.assertUnchanged(before);
    }

    @Test
    void assignmentsBypassTheClaimOnlyRules() {
        // The wait, the cooldown and the daily claim limit restrain members' own claims, not admins.
        LeadPoolFixture f = fixture(PoolRules.builder().claimableAfter(Duration.ofDays(1))
                .reclaimCooldownDays(3).dailyClaimLimit(1).build());
        Lead lead = f.lead(POOL);
        Lead other = f.lead(POOL);

        assertThat(f.commands.assign(actor(POOL_ADMIN), lead.id(), ALICE).owner()).isEqualTo(ALICE);
        f.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.NO_NEED, null, null);
        assertThat(f.commands.assign(actor(POOL_ADMIN), lead.id(), ALICE).owner()).isEqualTo(ALICE);
        assertThat(f.commands.assign(actor(POOL_ADMIN), other.id(), ALICE).owner()).isEqualTo(ALICE);
    }

    @Test
    void anOwnedLeadIsReassignedOnlyWhereAForcedOwnerChangeIsAllowed() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        f.commands.claim(actor(ALICE), lead.id());
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        assertThat(violation(() -> f.commands.assign(actor(POOL_ADMIN), lead.id(), BOB)).rule())
                .isEqualTo("pool.forced-owner-change");
        assertThat(violation(() -> f.commands.assign(actor(POOL_ADMIN), lead.id(), ALICE)).rule())
                .isEqualTo("pool.already-owned");
        f.assertUnchanged(before);

        LeadPoolFixture g = fixture(PoolRules.builder().forcedOwnerChangeAllowed(true).build());
        Lead owned = g.lead(POOL);
        g.commands.claim(actor(ALICE), owned.id());
        Lead reassigned = g.commands.assign(actor(POOL_ADMIN), owned.id(), BOB);

        assertThat(reassigned.owner()).isEqualTo(BOB);
        assertThat(g.lastEntry(owned.id()).changes()).containsExactly(new FieldChange("owner", "alice", "bob"));
        assertThat(g.outbox()).extracting(OutboxEntry::notification)
                .extracting(Notification::type, Notification::recipients)
                .containsExactlyInAnyOrder(
                        tuple("lead.assigned", Set.of(BOB)),
                        tuple("lead.unassigned", Set.of(ALICE)));
        assertThat(g.held(POOL, ALICE)).isZero();
        assertThat(g.held(POOL, BOB)).isEqualTo(1);
    }

    @Test
    void convertedLeadsAreNeverAssigned() {
        LeadPoolFixture f = fixture(PoolRules.builder().forcedOwnerChangeAllowed(true).build());
        Lead converted = f.convertedLead(POOL, ALICE);
        LeadPoolFixture.Snapshot before = f.snapshot(converted.id());

        assertThatThrownBy(() -> f.commands.assign(actor(POOL_ADMIN), converted.id(), BOB))
                .isInstanceOf(IllegalTransitionException.class);
        f.assertUnchanged(before);
        assertThat(f.outbox()).isEmpty();
    }

    @Test
    void theNotificationIsQueuedOncePerAssignment() {
        LeadPoolFixture f = fixture(PoolRules.builder().forcedOwnerChangeAllowed(true).build());
        Lead lead = f.lead(POOL);
        f.commands.assign(actor(POOL_ADMIN), lead.id(), ALICE);
        f.commands.assign(actor(POOL_ADMIN), lead.id(), BOB);
        f.commands.assign(actor(POOL_ADMIN), lead.id(), ALICE);

        // Alice is assigned the same lead twice: two assignments, two change-log entries, two notifications.
        assertThat(f.outbox()).filteredOn(e -> e.notification().type().equals("lead.assigned"))
                .extracting(e -> e.notification().recipients())
                .containsExactly(Set.of(ALICE), Set.of(BOB), Set.of(ALICE));
        assertThat(f.outbox()).extracting(e -> e.notification().deduplicationKey()).doesNotHaveDuplicates();
        assertThat(f.log(lead.id())).extracting(ChangeLogEntry::action)
                .containsExactly("lead.create", "lead.assign", "lead.assign", "lead.assign");
    }
}
