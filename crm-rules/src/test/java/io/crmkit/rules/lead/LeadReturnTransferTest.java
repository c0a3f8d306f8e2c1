package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LeadPoolFixture.ALICE;
import static io.crmkit.rules.lead.LeadPoolFixture.BOB;
import static io.crmkit.rules.lead.LeadPoolFixture.BOSS;
import static io.crmkit.rules.lead.LeadPoolFixture.DAVE;
import static io.crmkit.rules.lead.LeadPoolFixture.OTHER_POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LeadPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.notify.Notification;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Returns to a pool (origin or chosen) and transfers to another pool, under the pool's rules. */
class LeadReturnTransferTest {

    private static final RecordRef POOL_REF = RecordRef.of(RecordType.LEAD_POOL, POOL);
    private static final RecordRef OTHER_REF = RecordRef.of(RecordType.LEAD_POOL, OTHER_POOL);

    private static RuleViolationException violation(Runnable command) {
        return catchThrowableOfType(RuleViolationException.class, command::run);
    }

    private static LeadPoolFixture fixture(PoolRules rules) {
        return new LeadPoolFixture().withPools(rules);
    }

    /** A lead of the first pool claimed by Alice. */
    private static Lead claimedByAlice(LeadPoolFixture f) {
        Lead lead = f.lead(POOL);
        return f.commands.claim(actor(ALICE), lead.id());
    }

    @Test
    void theOwnerReturnsALeadToItsPoolWithAReason() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = claimedByAlice(f);
        f.clock.advance(Duration.ofHours(3));

        Lead returned = f.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.CANNOT_MEET_NEED,
                "  needs on-site service in Tibet ", null);

        assertThat(returned.owner()).isNull();
        assertThat(returned.poolId()).isEqualTo(POOL);
        assertThat(returned.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(returned.version()).isEqualTo(lead.version() + 1);
        ChangeLogEntry entry = f.lastEntry(lead.id());
        assertThat(entry.action()).isEqualTo("lead.return");
        assertThat(entry.actor()).isEqualTo(ALICE);
        assertThat(entry.context()).isEqualTo(POOL_REF);
        assertThat(entry.reason()).isEqualTo("CANNOT_MEET_NEED: needs on-site service in Tibet");
        assertThat(entry.changes()).containsExactly(new FieldChange("owner", "alice", null),
                new FieldChange("ownedSince", lead.ownedSince().toString(), null));
        assertThat(f.outbox()).isEmpty();
        assertThat(f.held(POOL, ALICE)).isZero();
    }

    @Test
    void onlyTheOwnerOrAnAdminReturnsAndOnlyAnOwnedLead() {
        LeadPoolFixture f = fixture(PoolRules.builder().reclaimCooldownDays(1).build());
        Lead lead = claimedByAlice(f);
        Lead unowned = f.lead(POOL);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        assertThatThrownBy(() -> f.commands.returnToPool(actor(BOB), lead.id(), LeadReturnReason.NO_NEED, null, null))
                .isInstanceOf(ForbiddenException.class);
        f.assertUnchanged(before);
        assertThat(violation(() -> f.commands.returnToPool(actor(POOL_ADMIN), unowned.id(),
                LeadReturnReason.NO_NEED, null, null)).rule()).isEqualTo("pool.not-owned");

        // A pool admin returns it for Alice: she is told, and her cooldown applies as if she returned it.
        f.commands.returnToPool(actor(POOL_ADMIN), lead.id(), LeadReturnReason.UNREACHABLE, null, null);
        Notification n = f.outbox().get(0).notification();
        assertThat(n.type()).isEqualTo("lead.unassigned");
        assertThat(n.recipients()).containsExactly(ALICE);
        assertThat(n.payload()).containsEntry("action", "lead.return");
        assertThat(violation(() -> f.commands.claim(actor(ALICE), lead.id())).rule()).isEqualTo("pool.reclaim-cooldown");
        assertThat(f.commands.claim(actor(BOB), lead.id()).owner()).isEqualTo(BOB);
    }

    @Test
    void aReturnNeedsAReasonAndANoteForOther() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = claimedByAlice(f);

        ValidationException noReason = catchThrowableOfType(ValidationException.class,
                () -> f.commands.returnToPool(actor(ALICE), lead.id(), null, null, null));
        assertThat(noReason.hasViolation("reason", ErrorCode.FIELD_REQUIRED)).isTrue();
        ValidationException noNote = catchThrowableOfType(ValidationException.class,
                () -> f.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.OTHER, " ", null));
        assertThat(noNote.hasViolation("note", ErrorCode.FIELD_REQUIRED)).isTrue();
        ValidationException longNote = catchThrowableOfType(ValidationException.class,
                () -> f.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.OTHER, "x".repeat(1001), null));
        assertThat(longNote.violations()).extracting(v -> v.field()).containsExactly("note");
        assertThat(f.reload(lead.id())).isEqualTo(lead);
    }

    @Test
    void byDefaultALeadGoesBackOnlyToItsPoolOfOrigin() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = claimedByAlice(f);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        assertThat(violation(() -> f.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.NO_NEED, null,
                OTHER_POOL)).rule()).isEqualTo("pool.return-only-to-origin");
        f.assertUnchanged(before);
        // Naming the origin is the same as naming none.
        assertThat(f.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.NO_NEED, null, POOL).poolId())
                .isEqualTo(POOL);
    }

    @Test
    void theCallerChoosesTheReturnPoolOnlyWhereTheRulesSaySo() {
        LeadPoolFixture fixed = fixture(PoolRules.builder().returnOnlyToOrigin(false).build());
        Lead lead = claimedByAlice(fixed);
        assertThat(violation(() -> fixed.commands.returnToPool(actor(ALICE), lead.id(), LeadReturnReason.NO_NEED,
                null, OTHER_POOL)).rule()).isEqualTo("pool.return-pool-fixed");

        LeadPoolFixture free = fixture(PoolRules.builder().returnOnlyToOrigin(false).callerChoosesReturnPool(true).build());
        Lead chosen = claimedByAlice(free);
        assertThatThrownBy(() -> free.commands.returnToPool(actor(ALICE), chosen.id(), LeadReturnReason.NO_NEED, null,
                LeadPoolId.of("no-such-pool"))).isInstanceOf(NotFoundException.class);
        Lead returned = free.commands.returnToPool(actor(ALICE), chosen.id(), LeadReturnReason.NO_NEED, null, OTHER_POOL);

        assertThat(returned.poolId()).isEqualTo(OTHER_POOL);
        assertThat(returned.owner()).isNull();
        assertThat(free.lastEntry(chosen.id()).context()).isEqualTo(OTHER_REF);
        assertThat(free.poolLog(OTHER_POOL)).extracting(ChangeLogEntry::action).containsExactly("lead.return");
        assertThat(free.held(POOL, ALICE)).isZero();
    }

    @Test
    void aLeadOutsideEveryPoolIsReturnedToTheNamedPool() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead own = f.create(b -> b.owner(ALICE).ownedSince(f.clock.instant()));

        assertThat(catchThrowableOfType(ValidationException.class, () -> f.commands.returnToPool(actor(ALICE), own.id(),
                LeadReturnReason.NO_NEED, null, null)).hasViolation("target", ErrorCode.FIELD_INVALID)).isTrue();
        Lead returned = f.commands.returnToPool(actor(ALICE), own.id(), LeadReturnReason.NO_NEED, null, OTHER_POOL);
        assertThat(returned.poolId()).isEqualTo(OTHER_POOL);
        assertThat(returned.owner()).isNull();
    }

    @Test
    void convertedLeadsAreNeverReturned() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead converted = f.convertedLead(POOL, ALICE);
        LeadPoolFixture.Snapshot before = f.snapshot(converted.id());

        assertThatThrownBy(() -> f.commands.returnToPool(actor(ALICE), converted.id(), LeadReturnReason.NO_NEED, null, null))
                .isInstanceOf(IllegalTransitionException.class);
        f.assertUnchanged(before);
    }

    @Test
    void aPoolAdminTransfersAnUnownedLeadToAnotherPool() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = f.lead(POOL);
        f.clock.advance(Duration.ofMinutes(1));

        Lead moved = f.commands.transfer(actor(POOL_ADMIN), lead.id(), OTHER_POOL);

        assertThat(moved.poolId()).isEqualTo(OTHER_POOL);
        assertThat(moved.owner()).isNull();
        assertThat(moved.updatedAt()).isEqualTo(f.clock.instant());
        ChangeLogEntry entry = f.lastEntry(lead.id());
        assertThat(entry.action()).isEqualTo("lead.transfer");
        assertThat(entry.context()).isEqualTo(OTHER_REF);
        assertThat(entry.changes()).containsExactly(new FieldChange("poolId", "LP1", "LP2"));
        assertThat(f.commands.transfer(actor(BOSS), lead.id(), POOL).poolId()).isEqualTo(POOL);
    }

    @Test
    void theOwnerTransfersOnlyWhereTransfersAreAllowedAdminsAlways() {
        LeadPoolFixture allowed = fixture(PoolRules.defaults());
        Lead mine = claimedByAlice(allowed);
        Lead moved = allowed.commands.transfer(actor(ALICE), mine.id(), OTHER_POOL);
        assertThat(moved.poolId()).isEqualTo(OTHER_POOL);
        assertThat(moved.owner()).isNull();
        assertThat(allowed.outbox()).isEmpty();

        LeadPoolFixture denied = fixture(PoolRules.builder().transferAllowed(false).build());
        Lead kept = claimedByAlice(denied);
        LeadPoolFixture.Snapshot before = denied.snapshot(kept.id());
        assertThat(violation(() -> denied.commands.transfer(actor(ALICE), kept.id(), OTHER_POOL)).rule())
                .isEqualTo("pool.transfer-not-allowed");
        denied.assertUnchanged(before);
        Lead byAdmin = denied.commands.transfer(actor(POOL_ADMIN), kept.id(), OTHER_POOL);
        assertThat(byAdmin.poolId()).isEqualTo(OTHER_POOL);
        assertThat(denied.outbox()).extracting(e -> e.notification().type(), e -> e.notification().recipients())
                .containsExactly(tuple("lead.unassigned", Set.of(ALICE)));
    }

    @Test
    void othersMayNotTransferAndNoLeadIsTransferredToItsOwnPool() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead lead = claimedByAlice(f);
        LeadPoolFixture.Snapshot before = f.snapshot(lead.id());

        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> f.commands.transfer(actor(BOB), lead.id(), OTHER_POOL));
        assertThat(e.getMessage()).contains("pool.not-admin");
        assertThatThrownBy(() -> f.commands.transfer(actor(DAVE), lead.id(), OTHER_POOL))
                .isInstanceOf(ForbiddenException.class);
        assertThat(violation(() -> f.commands.transfer(actor(POOL_ADMIN), lead.id(), POOL)).rule())
                .isEqualTo("pool.same-pool");
        assertThatThrownBy(() -> f.commands.transfer(actor(POOL_ADMIN), lead.id(), LeadPoolId.of("nope")))
                .isInstanceOf(NotFoundException.class);
        f.assertUnchanged(before);
    }

    @Test
    void lockedAndConvertedLeadsAreNotTransferred() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead locked = f.change(f.lead(POOL).id(), "lead.lock", l -> l.withLocked(true));
        Lead converted = f.convertedLead(POOL, ALICE);

        assertThat(violation(() -> f.commands.transfer(actor(POOL_ADMIN), locked.id(), OTHER_POOL)).rule())
                .isEqualTo("lead.locked");
        assertThatThrownBy(() -> f.commands.transfer(actor(POOL_ADMIN), converted.id(), OTHER_POOL))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(f.reload(locked.id())).isEqualTo(locked);
        assertThat(f.reload(converted.id())).isEqualTo(converted);
    }

    @Test
    void aLeadOutsideEveryPoolIsPutIntoOneByItsOwnerOrATenantAdmin() {
        LeadPoolFixture f = fixture(PoolRules.defaults());
        Lead own = f.create(b -> b.owner(ALICE).ownedSince(f.clock.instant()));
        Lead other = f.create(b -> b.owner(BOB).ownedSince(f.clock.instant()));

        assertThatThrownBy(() -> f.commands.transfer(actor(POOL_ADMIN), own.id(), POOL))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.commands.transfer(actor(ALICE), own.id(), POOL).poolId()).isEqualTo(POOL);
        assertThat(f.commands.transfer(actor(BOSS), other.id(), POOL).owner()).isNull();
    }
}
