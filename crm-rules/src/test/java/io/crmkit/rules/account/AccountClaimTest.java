package io.crmkit.rules.account;

import static io.crmkit.rules.account.AccountPoolFixture.ALICE;
import static io.crmkit.rules.account.AccountPoolFixture.BOB;
import static io.crmkit.rules.account.AccountPoolFixture.DAVE;
import static io.crmkit.rules.account.AccountPoolFixture.ERIN;
import static io.crmkit.rules.account.AccountPoolFixture.POOL;
import static io.crmkit.rules.account.AccountPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.account.AccountPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.pool.ClaimPolicy;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims from a public pool: membership, claim policy, holding and daily limits, wait, cooldown, contacts. */
class AccountClaimTest {

    private static AccountPoolFixture fixture(PoolRules rules) {
        return new AccountPoolFixture().withPools(rules);
    }

    private static RuleViolationException violation(Runnable command) {
        return catchThrowableOfType(RuleViolationException.class, command::run);
    }

    @Test
    void aMemberClaimsAnUnownedAccountAndThePoolLogShowsIt() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.account(POOL);
        f.clock.advance(Duration.ofMinutes(5));

        Account claimed = f.commands.claim(actor(ALICE), account.id());

        assertThat(claimed.owner()).isEqualTo(ALICE);
        assertThat(claimed.ownedSince()).isEqualTo(f.clock.instant());
        assertThat(claimed.poolId()).isEqualTo(POOL);
        assertThat(claimed.version()).isEqualTo(account.version() + 1);
        assertThat(claimed.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(f.reload(account.id())).isEqualTo(claimed);
        ChangeLogEntry entry = f.lastEntry(account.id());
        assertThat(entry.action()).isEqualTo("account.claim");
        assertThat(entry.actor()).isEqualTo(ALICE);
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
        assertThat(entry.changes()).contains(new FieldChange("owner", null, "alice"));
        assertThat(f.poolLog(POOL).get(0)).isEqualTo(entry);
        assertThat(f.held(POOL, ALICE, true)).isEqualTo(1);
        assertThat(f.outbox()).isEmpty();
    }

    @Test
    void claimingHandsTheOwnerlessContactsToTheClaimerInTheSameCommand() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.account(POOL);
        Contact ownerless = f.contact(account.id(), null);
        Contact bobs = f.contact(account.id(), BOB);
        Contact elsewhere = f.contact(f.account(POOL).id(), null);

        f.commands.claim(actor(ALICE), account.id());

        assertThat(f.contacts(account.id())).extracting(Contact::id, Contact::owner)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ownerless.id(), ALICE),
                        org.assertj.core.groups.Tuple.tuple(bobs.id(), BOB));
        assertThat(f.contacts(elsewhere.accountId())).extracting(Contact::owner).containsOnlyNulls();
        List<ChangeLogEntry> contactLog = f.store.transact(tx -> tx.changeLog().ofRecord(
                AccountPoolFixture.TENANT, RecordRef.of(RecordType.CONTACT, ownerless.id()),
                io.crmkit.spi.PageRequest.first(10)).items());
        assertThat(contactLog).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("contact.update");
            assertThat(e.context()).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
            assertThat(e.reason()).isEqualTo("handed over with account " + account.id().value());
            assertThat(e.changes()).contains(new FieldChange("owner", null, "alice"));
        });
    }

    @Test
    void aRefusedClaimHandsNoContactOver() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.account(POOL);
        f.contact(account.id(), null);

        assertThatThrownBy(() -> f.commands.claim(actor(DAVE), account.id())).isInstanceOf(ForbiddenException.class);

        assertThat(f.contacts(account.id())).extracting(Contact::owner).containsOnlyNulls();
    }

    @Test
    void membershipNonMembersAndAdminsWhoAreNotMembersMayNotClaimAndNothingChanges() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.account(POOL);
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> f.commands.claim(actor(DAVE), account.id()));
        assertThat(e.action()).isEqualTo("account.claim");
        assertThat(e.getMessage()).contains("pool.not-member");
        assertThatThrownBy(() -> f.commands.claim(actor(POOL_ADMIN), account.id()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("pool.not-member");
        f.assertUnchanged(before);
        // Erin is a member through her department, as the directory says.
        assertThat(f.commands.claim(actor(ERIN), account.id()).owner()).isEqualTo(ERIN);
    }

    @Test
    void claimPolicyWhereOnlyAdminsAssignMembersMayNotClaim() {
        AccountPoolFixture f = fixture(PoolRules.builder().claimPolicy(ClaimPolicy.ADMINS_ASSIGN_ONLY).build());
        Account account = f.account(POOL);
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        assertThatThrownBy(() -> f.commands.claim(actor(ALICE), account.id()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("pool.admins-assign-only");
        f.assertUnchanged(before);
        assertThat(f.commands.assign(actor(POOL_ADMIN), account.id(), ALICE).owner()).isEqualTo(ALICE);
    }

    @Test
    void anOwnedAccountIsNotClaimedAgain() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.account(POOL);
        f.commands.claim(actor(ALICE), account.id());
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        assertThat(violation(() -> f.commands.claim(actor(BOB), account.id())).rule()).isEqualTo("pool.already-owned");
        f.assertUnchanged(before);
    }

    @Test
    void lockedAndVoidedAccountsAreNeverClaimed() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account locked = f.create(b -> b.poolId(POOL).locked(true));
        Account voided = f.create(b -> b.poolId(POOL).voided(true));

        assertThat(violation(() -> f.commands.claim(actor(ALICE), locked.id())).rule()).isEqualTo("account.locked");
        assertThat(violation(() -> f.commands.claim(actor(ALICE), voided.id())).rule()).isEqualTo("account.voided");
        assertThat(f.reload(locked.id())).isEqualTo(locked);
        assertThat(f.reload(voided.id())).isEqualTo(voided);
    }

    @Test
    void anAccountOutsideEveryPoolIsNotClaimed() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account mine = f.create(b -> b.owner(BOB).ownedSince(f.clock.instant()));

        assertThat(violation(() -> f.commands.claim(actor(ALICE), mine.id())).rule()).isEqualTo("pool.no-pool");
    }

    @Test
    void holdingLimitCountsWonAccountsWhereThePoolSaysSo() {
        AccountPoolFixture f = fixture(PoolRules.builder().maxHeldPerMember(2).wonRecordsCount(true).build());
        f.create(b -> b.poolId(POOL).owner(ALICE).ownedSince(f.clock.instant()).dealStatus(DealStatus.WON));
        f.commands.claim(actor(ALICE), f.account(POOL).id());
        Account third = f.account(POOL);
        AccountPoolFixture.Snapshot before = f.snapshot(third.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), third.id()));

        assertThat(e.rule()).isEqualTo("pool.holding-limit");
        assertThat(e.limit()).isEqualTo(2);
        f.assertUnchanged(before);
        assertThat(f.held(POOL, ALICE, true)).isEqualTo(2);
    }

    @Test
    void holdingLimitLeavesWonAccountsOutWhereThePoolSaysSo() {
        AccountPoolFixture f = fixture(PoolRules.builder().maxHeldPerMember(2).wonRecordsCount(false).build());
        f.create(b -> b.poolId(POOL).owner(ALICE).ownedSince(f.clock.instant()).dealStatus(DealStatus.WON));
        f.commands.claim(actor(ALICE), f.account(POOL).id());

        assertThat(f.commands.claim(actor(ALICE), f.account(POOL).id()).owner()).isEqualTo(ALICE);
        assertThat(violation(() -> f.commands.claim(actor(ALICE), f.account(POOL).id())).rule())
                .isEqualTo("pool.holding-limit");
        assertThat(f.held(POOL, ALICE, false)).isEqualTo(2);
        assertThat(f.held(POOL, ALICE, true)).isEqualTo(3);
    }

    @Test
    void dailyLimitClaimThenReturnDoesNotResetTheCount() {
        AccountPoolFixture f = fixture(PoolRules.builder().dailyClaimLimit(2).build());
        Account first = f.account(POOL);
        Account second = f.account(POOL);
        Account third = f.account(POOL);
        f.commands.claim(actor(ALICE), first.id());
        f.commands.returnToPool(actor(ALICE), first.id(), "not a fit", null);
        f.commands.claim(actor(ALICE), second.id());
        f.commands.returnToPool(actor(ALICE), second.id(), "not a fit", null);
        AccountPoolFixture.Snapshot before = f.snapshot(third.id());

        // The peer defect: counting what the member holds (zero now) would allow a third claim.
        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), third.id()));

        assertThat(e.rule()).isEqualTo("pool.daily-claim-limit");
        assertThat(e.limit()).isEqualTo(2);
        f.assertUnchanged(before);
        assertThat(f.held(POOL, ALICE, true)).isZero();
        assertThat(f.commands.claim(actor(BOB), third.id()).owner()).isEqualTo(BOB);
    }

    @Test
    void dailyLimitStartsAfreshOnTheNextCalendarDayOfTheTenant() {
        AccountPoolFixture f = fixture(PoolRules.builder().dailyClaimLimit(1).build());
        f.commands.claim(actor(ALICE), f.account(POOL).id());
        Account next = f.account(POOL);
        // 23:59 in Shanghai on the same day: still today.
        f.clock.set(java.time.Instant.parse("2026-03-02T15:59:00Z"));
        assertThat(violation(() -> f.commands.claim(actor(ALICE), next.id())).rule())
                .isEqualTo("pool.daily-claim-limit");
        f.clock.set(java.time.Instant.parse("2026-03-02T16:00:00Z"));

        assertThat(f.commands.claim(actor(ALICE), next.id()).owner()).isEqualTo(ALICE);
    }

    @Test
    void claimableAfterANewlyPooledAccountWaitsBeforeItCanBeClaimed() {
        AccountPoolFixture f = fixture(PoolRules.builder().claimableAfter(Duration.ofHours(2)).build());
        Account account = f.account(POOL);
        f.clock.advance(Duration.ofMinutes(119));
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), account.id()));

        assertThat(e.rule()).isEqualTo("pool.not-yet-claimable");
        assertThat(e.limit()).isEqualTo(Duration.ofHours(2));
        f.assertUnchanged(before);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.commands.claim(actor(ALICE), account.id()).owner()).isEqualTo(ALICE);
    }

    @Test
    void claimableAfterCountsFromTheReturnNotFromCreation() {
        AccountPoolFixture f = fixture(PoolRules.builder().claimableAfter(Duration.ofHours(1)).build());
        Account account = f.account(POOL);
        f.clock.advance(Duration.ofHours(2));
        f.commands.claim(actor(ALICE), account.id());
        f.commands.returnToPool(actor(ALICE), account.id(), "no budget", null);
        f.clock.advance(Duration.ofMinutes(30));

        assertThat(violation(() -> f.commands.claim(actor(BOB), account.id())).rule())
                .isEqualTo("pool.not-yet-claimable");
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(f.commands.claim(actor(BOB), account.id()).owner()).isEqualTo(BOB);
    }

    @Test
    void cooldownAfterReturnKeepsTheFormerOwnerOutButNotOthers() {
        AccountPoolFixture f = fixture(PoolRules.builder().reclaimCooldownDays(2).build());
        Account account = f.account(POOL);
        f.commands.claim(actor(ALICE), account.id());
        f.commands.returnToPool(actor(ALICE), account.id(), "no budget", null);
        f.clock.advance(Duration.ofDays(1));
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        RuleViolationException e = violation(() -> f.commands.claim(actor(ALICE), account.id()));

        assertThat(e.rule()).isEqualTo("pool.reclaim-cooldown");
        assertThat(e.limit()).isEqualTo(2);
        f.assertUnchanged(before);
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.commands.claim(actor(ALICE), account.id()).owner()).isEqualTo(ALICE);
    }
}
