package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LeadPoolFixture.ALICE;
import static io.crmkit.rules.lead.LeadPoolFixture.BOB;
import static io.crmkit.rules.lead.LeadPoolFixture.DAVE;
import static io.crmkit.rules.lead.LeadPoolFixture.EAST;
import static io.crmkit.rules.lead.LeadPoolFixture.ERIN;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LeadPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.core.pool.ClaimPolicy;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Claims from a lead pool: membership, claim policy, holding and daily limits, wait and cooldown. */
class LeadClaimTest {

    private static LeadPoolFixture fixture(PoolRules rules) {
        return new LeadPoolFixture().withPools(rules);
    }

    private static RuleViolationException violation(Runnable command) {
        return catchThrowableOfType(RuleViolationException.class, command::run);
    }

    @Test
    void aMemberClaimsAnUnownedLeadAndThePoolLogShowsIt() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        f.clock.advance(Duration.ofMinutes(5));

        Lead claimed = f.commands.claim(actor(ALICE), lead.id());

        assertThat(claimed.owner()).isEqualTo(ALICE);
        assertThat(claimed.poolId()).isEqualTo(POOL);
        assertThat(claimed.version()).isEqualTo(lead.version() + 1);
        assertThat(claimed.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(f.reload(lead.id())).isEqualTo(claimed);
        ChangeLogEntry entry = f.lastEntry(lead.id());
        assertThat(entry.action()).isEqualTo("lead.claim");
        assertThat(entry.actor()).isEqualTo(ALICE);
        assertThat(entry.at()).isEqualTo(f.clock.instant());
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.LEAD_POOL, POOL));
        assertThat(entry.changes()).containsExactly(new FieldChange("owner", null, "alice"),
                new FieldChange("ownedSince", null, f.clock.instant().toString()));
        assertThat(f.poolLog(POOL).get(0)).isEqualTo(entry);
        assertThat(f.held(POOL, ALICE)).isEqualTo(1);
    }

    @Test
    void aNonMemberMayNotClaimAndNothingChanges() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> f.commands.claim(actor(DAVE), lead.id()));

        assertThat(e.action()).isEqualTo("lead.claim");
        assertThat(e.getMessage()).contains("pool.not-member");
        f.assertUnchanged(before);
    }

    @Test
    void poolAdminsWhoAreNotMembersDoNotClaimEither() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);

        assertThatThrownBy(() -> f.commands.claim(actor(POOL_ADMIN), lead.id()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("pool.not-member");
    }

    @Test
    void membersThroughADepartmentClaimWhetherTheDirectoryOrTheActorNamesIt() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead first = f.lead(POOL);
        Lead second = f.lead(POOL);

        // Erin's department comes from the directory; Frank's only from the actor the host passes.
        assertThat(f.commands.claim(actor(ERIN), first.id()).owner()).isEqualTo(ERIN);
        Actor frank = Actor.of(LeadPoolFixture.TENANT, UserId.of("frank")).withDepartments(Set.of(EAST));
        assertThat(f.commands.claim(frank, second.id()).owner()).isEqualTo(frank.userId());
    }

    @Test
    void whereOnlyAdminsAssignMembersMayNotClaim() {
        LeadPoolFixture f = fixture(PoolRules.builder().claimPolicy(ClaimPolicy.ADMINS_ASSIGN_ONLY).build());
        Lead lead = f.lead(POOL);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        assertThatThrownBy(() -> f.commands.claim(actor(ALICE), lead.id()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("pool.admins-assign-only");
        f.assertUnchanged(before);
        assertThat(f.commands.assign(actor(POOL_ADMIN), lead.id(), ALICE).owner()).isEqualTo(ALICE);
    }

    @Test
    void anOwnedLeadIsNotClaimedAgain() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        f.commands.claim(actor(ALICE), lead.id());
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(BOB), lead.id()));

        assertThat(e.rule()).isEqualTo("pool.already-owned");
        f.assertUnchanged(before);
    }

    @Test
    void convertedInvalidLockedAndVoidedLeadsAreNeverClaimed() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead converted = f.convertedLead(POOL, BOB);
        Lead invalid = f.change(f.lead(POOL).id(), "lead.mark-invalid", l -> l.markInvalid("fake number"));
        Lead locked = f.change(f.lead(POOL).id(), "lead.lock", l -> l.withLocked(true));
        Lead voided = f.change(f.lead(POOL).id(), "lead.void", l -> l.withVoided(true));

        IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
                () -> f.commands.claim(actor(ALICE), converted.id()));
        assertThat(e.from()).isEqualTo("CONVERTED");
        assertThat(e.action()).isEqualTo("CLAIM");
        assertThatThrownBy(() -> f.commands.claim(actor(ALICE), invalid.id()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(violation(() -> f.commands.claim(actor(ALICE), locked.id())).rule()).isEqualTo("lead.locked");
        assertThat(violation(() -> f.commands.claim(actor(ALICE), voided.id())).rule()).isEqualTo("lead.voided");
        for (Lead lead : List.of(converted, invalid, locked, voided)) {
            assertThat(f.reload(lead.id())).isEqualTo(lead);
        }
    }

    @Test
    void aLeadOutsideEveryPoolOrUnknownIsNotClaimed() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead owned = f.create(b -> b.owner(BOB).ownedSince(f.clock.instant()));

        assertThat(violation(() -> f.commands.claim(actor(ALICE), owned.id())).rule()).isEqualTo("pool.no-pool");
        assertThatThrownBy(() -> f.commands.claim(actor(ALICE), LeadId.of("nope")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theHoldingLimitStopsTheNextClaimAndCountsOnlyWorkableLeads() {
        LeadPoolFixture f = fixture(PoolRules.builder().maxHeldPerMember(2).build());
        Lead first = f.lead(POOL);
        Lead second = f.lead(POOL);
        Lead third = f.lead(POOL);
        f.convertedLead(POOL, ALICE); // converted leads are not held
        f.commands.claim(actor(ALICE), first.id());
        f.commands.claim(actor(ALICE), second.id());
        assertThat(f.held(POOL, ALICE)).isEqualTo(2);
        LeadPoolFixture.Snapshot before = f.snapshot(third.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), third.id()));

        assertThat(e.rule()).isEqualTo("pool.holding-limit");
        assertThat(e.limit()).isEqualTo(2);
        f.assertUnchanged(before);
        // Bob holds nothing; returning one makes room for Alice again.
        assertThat(f.commands.claim(actor(BOB), third.id()).owner()).isEqualTo(BOB);
        f.commands.returnToPool(actor(ALICE), first.id(), LeadReturnReason.NO_NEED, null, null);
        Lead fourth = f.lead(POOL);
        assertThat(f.commands.claim(actor(ALICE), fourth.id()).owner()).isEqualTo(ALICE);
    }

    @Test
    void claimThenReturnDoesNotResetTheDailyLimitButTheNextDayDoes() {
        LeadPoolFixture f = fixture(PoolRules.builder().dailyClaimLimit(2).build());
        Lead a = f.lead(POOL);
        Lead b = f.lead(POOL);
        Lead c = f.lead(POOL);
        f.commands.claim(actor(ALICE), a.id());
        f.commands.returnToPool(actor(ALICE), a.id(), LeadReturnReason.UNREACHABLE, null, null);
        f.commands.claim(actor(ALICE), b.id());
        f.commands.returnToPool(actor(ALICE), b.id(), LeadReturnReason.UNREACHABLE, null, null);
        assertThat(f.held(POOL, ALICE)).isZero();
        LeadPoolFixture.Snapshot before = f.snapshot(c.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), c.id()));

        assertThat(e.rule()).isEqualTo("pool.daily-claim-limit");
        assertThat(e.limit()).isEqualTo(2);
        f.assertUnchanged(before);
        assertThat(f.commands.claim(actor(BOB), c.id()).owner()).isEqualTo(BOB);
        // 10:00 in Shanghai; at 23:59 it is still the same day there, at 00:00 the next.
        f.clock.advance(Duration.ofHours(13).plusMinutes(59));
        assertThat(violation(() -> f.commands.claim(actor(ALICE), a.id())).rule()).isEqualTo("pool.daily-claim-limit");
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.commands.claim(actor(ALICE), a.id()).owner()).isEqualTo(ALICE);
    }

    @Test
    void aLeadNewInThePoolIsClaimableOnlyAfterTheWait() {
        LeadPoolFixture f = fixture(PoolRules.builder().claimableAfter(Duration.ofHours(2)).build());
        Lead lead = f.lead(POOL);
        f.clock.advance(Duration.ofHours(2).minusSeconds(1));
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), lead.id()));

        assertThat(e.rule()).isEqualTo("pool.not-yet-claimable");
        assertThat(e.limit()).isEqualTo(Duration.ofHours(2));
        f.assertUnchanged(before);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.commands.claim(actor(ALICE), lead.id()).owner()).isEqualTo(ALICE);
    }

    @Test
    void theWaitStartsAgainWhenALeadIsReturnedOrTransferredIn() {
        LeadPoolFixture f = fixture(PoolRules.builder().claimableAfter(Duration.ofHours(2)).build());
        Lead returned = f.lead(POOL);
        Lead transferred = f.lead(LeadPoolFixture.OTHER_POOL);
        f.clock.advance(Duration.ofDays(1));
        f.commands.claim(actor(ALICE), returned.id());
        f.clock.advance(Duration.ofHours(1));
        f.commands.returnToPool(actor(ALICE), returned.id(), LeadReturnReason.NO_NEED, null, null);
        f.commands.transfer(actor(POOL_ADMIN), transferred.id(), POOL);
        f.clock.advance(Duration.ofHours(1));

        assertThat(violation(() -> f.commands.claim(actor(BOB), returned.id())).rule())
                .isEqualTo("pool.not-yet-claimable");
        assertThat(violation(() -> f.commands.claim(actor(BOB), transferred.id())).rule())
                .isEqualTo("pool.not-yet-claimable");
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.commands.claim(actor(BOB), returned.id()).owner()).isEqualTo(BOB);
        assertThat(f.commands.claim(actor(BOB), transferred.id()).owner()).isEqualTo(BOB);
    }

    @Test
    void aMemberWaitsOutTheCooldownBeforeReclaimingWhatTheyReturnedOthersDoNot() {
        LeadPoolFixture f = fixture(PoolRules.builder().reclaimCooldownDays(2).build());
        Lead lead = f.lead(POOL);
        f.commands.claim(actor(ALICE), lead.id());
        f.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.UNREACHABLE, null, null);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), lead.id()));

        assertThat(e.rule()).isEqualTo("pool.reclaim-cooldown");
        assertThat(e.limit()).isEqualTo(2);
        assertThat(e.getMessage()).contains("2026-03-04");
        f.assertUnchanged(before);
        // Bob may claim it at once; returned again, Alice's cooldown still counts from her own return.
        f.commands.claim(actor(BOB), lead.id());
        f.commands.returnToPool(actor(BOB), lead.id(), LeadReturnReason.NO_NEED, null, null);
        f.clock.advance(Duration.ofDays(1));
        assertThat(violation(() -> f.commands.claim(actor(ALICE), lead.id())).rule()).isEqualTo("pool.reclaim-cooldown");
        f.clock.set(LeadPoolFixture.START.plus(Duration.ofDays(2)).minusSeconds(10 * 3600)); // 2026-03-04 00:00 Shanghai
        assertThat(f.commands.claim(actor(ALICE), lead.id()).owner()).isEqualTo(ALICE);
    }

    @Test
    void theCooldownAlsoFollowsALeadRecycledFromTheMember() {
        LeadPoolFixture f = fixture(PoolRules.builder().reclaimCooldownDays(1).build());
        Lead lead = f.lead(POOL);
        f.commands.claim(actor(ALICE), lead.id());
        // A recycle sweep (another command) takes it back: the owner goes from Alice to nobody.
        f.change(lead.id(), "lead.recycle", l -> l.returnedTo(POOL));

        assertThat(violation(() -> f.commands.claim(actor(ALICE), lead.id())).rule()).isEqualTo("pool.reclaim-cooldown");
        f.clock.advance(Duration.ofHours(14)); // midnight in Shanghai
        assertThat(f.commands.claim(actor(ALICE), lead.id()).owner()).isEqualTo(ALICE);
    }
}
