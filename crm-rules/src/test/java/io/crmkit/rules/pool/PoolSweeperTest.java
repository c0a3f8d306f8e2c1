package io.crmkit.rules.pool;

import static io.crmkit.rules.pool.SweepFixture.ALICE;
import static io.crmkit.rules.pool.SweepFixture.BOB;
import static io.crmkit.rules.pool.SweepFixture.POOL;
import static io.crmkit.rules.pool.SweepFixture.POOL_ADMIN;
import static io.crmkit.rules.pool.SweepFixture.SYSTEM;
import static io.crmkit.rules.pool.SweepFixture.TENANT;
import static io.crmkit.rules.pool.SweepFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.OwnerChangeTeamPolicy;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.pool.ReminderRecipient;
import io.crmkit.core.pool.ReminderRule;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.outbox.OutboxEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolSweeperTest {
    private static final UserId TEAMMATE = UserId.of("tina");

    /** Level A accounts: recycled after 15 days without follow-up, warned 3 days before. */
    private static RecycleRule fifteenDaysForA() {
        return RecycleRule.builder().id("a-15").name("A: 15 days")
                .condition(Condition.eq("level", new CustomValue.Text("A")))
                .basis(InactivityBasis.NO_FOLLOW_UP).days(15).warnDaysBefore(3).build();
    }

    private static PoolRules rules(RecycleRule... recycle) {
        return PoolRules.builder().recycleRules(List.of(recycle)).build();
    }

    @Test
    void warnsOnDay12AndRecyclesOnDay15InShanghaiCalendarDays() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, rules(fifteenDaysForA()));
        // Claimed at 00:30 Shanghai on day 1 (16:30 UTC on day 0): day 1 counts as the start in the tenant zone.
        f.clock.set(at(1, 0, 30));
        Account account = f.account(f.draft("A")
                .teamMembers(List.of(new TeamMember(TEAMMATE, TeamAccess.READ_ONLY))));

        f.on(12, 23, 59);                                   // day 11 since day 1: too early to warn
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));
        assertThat(f.outbox()).isEmpty();

        f.on(13, 0, 0);                                     // day 12: due on day 16 (= day 15 since claim)
        assertThat(f.sweep().warned()).isEqualTo(1);
        List<OutboxEntry> warnings = f.notifications(PoolSweeper.RECYCLE_WARNING, account.id());
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).notification().recipients()).containsExactlyInAnyOrder(ALICE, TEAMMATE);
        assertThat(warnings.get(0).notification().deduplicationKey())
                .isEqualTo("recycle-warning:" + account.id().value() + ":a-15:" + SweepFixture.DAY0.plusDays(16));
        assertThat(warnings.get(0).notification().payload()).containsEntry("date", "2026-03-18");

        f.on(14, 9, 0);                                     // same due date: nobody warned twice
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));
        f.on(15, 23, 0);
        assertThat(f.sweep().recycled()).isZero();
        // 15:59:59 UTC: 15 days after the claim by the UTC calendar, but still day 14 by Shanghai's
        f.clock.set(at(16, 0, 0).minusSeconds(1));
        assertThat(f.sweep().recycled()).isZero();
        assertThat(f.reload(account.id()).owner()).isEqualTo(ALICE);

        f.on(16, 0, 0);                                     // Shanghai midnight: day 15 begins
        SweepResult result = f.sweep();
        assertThat(result).isEqualTo(new SweepResult(1, 0, 0, 0, List.of()));
        Account recycled = f.reload(account.id());
        assertThat(recycled.owner()).isNull();
        assertThat(recycled.ownedSince()).isNull();
        assertThat(recycled.poolId()).isEqualTo(POOL);
        assertThat(recycled.teamMembers()).hasSize(1);      // KEEP_TEAM (the default)
        assertThat(recycled.version()).isEqualTo(account.version() + 1);
        ChangeLogEntry entry = f.log(account.id()).get(0);
        assertThat(entry.action()).isEqualTo("account.recycle");
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
        assertThat(entry.reason()).isEqualTo("a-15");
        assertThat(entry.actor()).isEqualTo(SYSTEM);
        assertThat(entry.changes()).anyMatch(c -> c.field().equals("owner") && "alice".equals(c.before())
                && c.after() == null);
        List<OutboxEntry> told = f.notifications(PoolSweeper.RECYCLED, account.id());
        assertThat(told).singleElement().satisfies(e -> {
            assertThat(e.notification().recipients()).containsExactly(ALICE);
            assertThat(e.notification().deduplicationKey())
                    .isEqualTo("recycle:" + account.id().value() + ":a-15:2026-03-18");
        });

        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));  // idempotent
        assertThat(f.outbox()).hasSize(2);
    }

    @Test
    void ownershipStartCountsWhenLaterThanTheLastFollowUp() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, rules(fifteenDaysForA()));
        // Followed up long ago (by a previous owner), claimed today: counted from the claim.
        Account account = f.account(f.draft("A").lastFollowUpAt(at(-40, 10, 0)));
        f.on(14, 10, 0);
        assertThat(f.sweep().recycled()).isZero();
        // And a follow-up after the claim moves the due date.
        f.store.transact(tx -> tx.accounts().update(tx.accounts().get(TENANT, account.id())
                .followedUpAt(at(10, 10, 0))));
        f.on(15, 10, 0);
        assertThat(f.sweep().recycled()).isZero();
        f.on(25, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(1);
    }

    @Test
    void clearsTheTeamWhenThePoolSaysSo() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, rules(fifteenDaysForA()).toBuilder().ownerChangeTeamPolicy(OwnerChangeTeamPolicy.CLEAR_TEAM).build());
        Account account = f.account(f.draft("A").teamMembers(List.of(new TeamMember(TEAMMATE, TeamAccess.READ_ONLY))));
        f.on(15, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(1);
        assertThat(f.reload(account.id()).teamMembers()).isEmpty();
    }

    @Test
    void lockedVoidedAndWonAccountsAreNeverRecycledUnlessWonOnesAreConfigured() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, rules(fifteenDaysForA()));
        Account locked = f.account(f.draft("A").locked(true));
        Account voided = f.account(f.draft("A").voided(true));
        Account won = f.account(f.draft("A").dealStatus(DealStatus.WON));
        Account plain = f.account(f.draft("A"));
        f.on(30, 10, 0);
        assertThat(f.sweep()).isEqualTo(new SweepResult(1, 0, 0, 0, List.of()));
        assertThat(f.reload(plain.id()).owner()).isNull();
        assertThat(List.of(locked, voided, won)).allSatisfy(a -> assertThat(f.reload(a.id()).owner()).isEqualTo(ALICE));
        assertThat(f.notifications(PoolSweeper.RECYCLED, won.id())).isEmpty();

        SweepFixture g = new SweepFixture();
        g.pool(POOL, rules(fifteenDaysForA()).toBuilder().recycleWonRecords(true).build());
        Account wonToo = g.account(g.draft("A").dealStatus(DealStatus.WON));
        Account stillLocked = g.account(g.draft("A").dealStatus(DealStatus.WON).locked(true));
        g.on(30, 10, 0);
        assertThat(g.sweep().recycled()).isEqualTo(1);
        assertThat(g.reload(wonToo.id()).owner()).isNull();
        assertThat(g.reload(stillLocked.id()).owner()).isEqualTo(ALICE);
    }

    @Test
    void firstMatchingRuleInPriorityOrderGovernsAnAccount() {
        SweepFixture f = new SweepFixture();
        RecycleRule levelA = RecycleRule.builder().id("a-30").name("A: 30 days")
                .condition(Condition.eq("level", new CustomValue.Text("A"))).days(30).build();
        RecycleRule everyone = RecycleRule.builder().id("all-10").name("everyone: 10 days").days(10).build();
        RecycleRule never = RecycleRule.builder().id("after-catch-all").name("unreachable").days(1).build();
        f.pool(POOL, rules(levelA, everyone, never));
        Account a = f.account(f.draft("A"));
        Account b = f.account(f.draft("B"));
        Account none = f.account(f.draft(null));
        f.on(20, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(2);
        assertThat(f.reload(a.id()).owner()).isEqualTo(ALICE);   // governed by a-30, not due under it
        assertThat(f.log(b.id()).get(0).reason()).isEqualTo("all-10");
        assertThat(f.log(none.id()).get(0).reason()).isEqualTo("all-10");
        f.on(30, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(1);
        assertThat(f.log(a.id()).get(0).reason()).isEqualTo("a-30");

        // Reordered: the catch-all first now governs level A too.
        SweepFixture g = new SweepFixture();
        g.pool(POOL, rules(everyone, levelA));
        Account a2 = g.account(g.draft("A"));
        g.on(10, 10, 0);
        assertThat(g.sweep().recycled()).isEqualTo(1);
        assertThat(g.log(a2.id()).get(0).reason()).isEqualTo("all-10");
    }

    @Test
    void perLevelDayLimits() {
        SweepFixture f = new SweepFixture();
        RecycleRule rule = RecycleRule.builder().id("by-level").name("by level").days(30)
                .daysForLevel("A", 10).daysForLevel("B", 20).daysForLevel("C", 20).build();
        f.pool(POOL, rules(rule));
        Account a = f.account(f.draft("A"));
        Account b = f.account(f.draft("B"));
        Account c = f.account(f.draft("C"));
        Account d = f.account(f.draft("D"));
        Account none = f.account(f.draft(null));
        f.on(9, 10, 0);
        assertThat(f.sweep().recycled()).isZero();
        f.on(10, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(1);
        assertThat(f.reload(a.id()).owner()).isNull();
        f.on(20, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(2);
        assertThat(f.reload(b.id()).owner()).isNull();
        assertThat(f.reload(c.id()).owner()).isNull();
        f.on(29, 10, 0);
        assertThat(f.sweep().recycled()).isZero();
        f.on(30, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(2);
        assertThat(f.reload(d.id()).owner()).isNull();
        assertThat(f.reload(none.id()).owner()).isNull();
    }

    @Test
    void anApprovedExtensionDefersTheRecycleAndMovesTheWarning() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, rules(fifteenDaysForA()));
        Account deferred = f.account(f.draft("A").recycleDeferredUntil(at(20, 10, 0)));
        f.on(12, 10, 0);
        assertThat(f.sweep().warned()).isZero();             // due on day 20 now: no warning yet
        f.on(15, 10, 0);
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));
        f.on(17, 10, 0);
        assertThat(f.sweep().warned()).isEqualTo(1);
        assertThat(f.notifications(PoolSweeper.RECYCLE_WARNING, deferred.id()).get(0).notification()
                .deduplicationKey()).endsWith(":a-15:" + SweepFixture.DAY0.plusDays(20));
        f.on(20, 9, 59);
        assertThat(f.sweep().recycled()).isZero();
        f.on(20, 10, 0);
        assertThat(f.sweep().recycled()).isEqualTo(1);
        assertThat(f.reload(deferred.id()).recycleDeferredUntil()).isNull();
    }

    @Test
    void aFailingRecordIsReportedAndSkippedWhileTheRestAreRecycled() {
        InterceptingStore[] wrapper = new InterceptingStore[1];
        SweepFixture f = new SweepFixture(store -> wrapper[0] = new InterceptingStore(store));
        f.pool(POOL, rules(fifteenDaysForA()));
        Account first = f.account(f.draft("A"));
        Account broken = f.account(f.draft("A"));
        Account last = f.account(f.draft("A"));
        wrapper[0].failingUpdates.add(broken.id());
        f.on(15, 10, 0);
        SweepResult result = f.sweep();
        assertThat(result.recycled()).isEqualTo(2);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.account()).isEqualTo(broken.id());
            assertThat(p.ruleId()).isEqualTo("a-15");
            assertThat(p.errorCode()).isNotBlank();
        });
        assertThat(f.reload(first.id()).owner()).isNull();
        assertThat(f.reload(last.id()).owner()).isNull();
        assertThat(f.reload(broken.id())).isEqualTo(broken);     // its transaction left nothing behind
        assertThat(f.log(broken.id())).isEmpty();
        assertThat(f.notifications(PoolSweeper.RECYCLED, broken.id())).isEmpty();

        wrapper[0].failingUpdates.clear();                         // fixed: the next run picks it up
        assertThat(f.sweep()).isEqualTo(new SweepResult(1, 0, 0, 0, List.of()));
    }

    @Test
    void aRuleTheStoreCannotQueryIsReportedAndTheOtherRulesStillRun() {
        SweepFixture f = new SweepFixture();
        RecycleRule broken = RecycleRule.builder().id("broken").name("names no account field")
                .condition(Condition.eq("noSuchField", new CustomValue.Text("x"))).days(5).build();
        RecycleRule fine = RecycleRule.builder().id("fine").name("10 days")
                .condition(Condition.eq("level", new CustomValue.Text("A"))).days(10).build();
        // The rules after a broken one exclude what it governs, so they cannot run either: it comes last here.
        f.pool(POOL, rules(fine, broken));
        f.pool(PoolId.of("P2"), rules(broken, fine));
        Account account = f.account(f.draft("A"));
        Account behindBroken = f.account(f.draft("A").poolId(PoolId.of("P2")));
        f.on(10, 10, 0);
        SweepResult result = f.sweep();
        assertThat(result.recycled()).isEqualTo(1);
        assertThat(f.reload(account.id()).owner()).isNull();
        assertThat(f.reload(behindBroken.id()).owner()).isEqualTo(ALICE);
        assertThat(result.problems()).hasSize(3).allSatisfy(p -> {
            assertThat(p.account()).isNull();
            assertThat(p.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED.name());
        });
        assertThat(result.problems()).extracting(SweepProblem::ruleId).containsExactlyInAnyOrder("broken", "broken", "fine");
    }

    @Test
    void warningsReachTheOutboxForOwnerAndTeamOncePerDueDate() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, rules(fifteenDaysForA()));
        Account account = f.account(f.draft("A").teamMembers(List.of(new TeamMember(BOB, TeamAccess.READ_WRITE))));
        f.on(12, 10, 0);
        assertThat(f.sweep().warned()).isEqualTo(1);
        assertThat(f.notifications(PoolSweeper.RECYCLE_WARNING, account.id())).singleElement()
                .satisfies(e -> assertThat(e.notification().recipients()).containsExactlyInAnyOrder(ALICE, BOB));
        // A follow-up on day 13 moves the due date to day 28: a new warning on day 25, not before.
        f.store.transact(tx -> tx.accounts().update(tx.accounts().get(TENANT, account.id())
                .followedUpAt(at(13, 10, 0))));
        f.on(24, 10, 0);
        assertThat(f.sweep().warned()).isZero();
        f.on(25, 10, 0);
        assertThat(f.sweep().warned()).isEqualTo(1);
        assertThat(f.notifications(PoolSweeper.RECYCLE_WARNING, account.id())).hasSize(2);
    }

    @Test
    void reminderRulesNotifyTheirRecipientsOncePerInactivity() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, PoolRules.builder().addReminderRule(ReminderRule.of("nudge-7", InactivityBasis.NO_FOLLOW_UP, 7,
                ReminderRecipient.OWNER, ReminderRecipient.TEAM, ReminderRecipient.ADMINS)).build());
        Account account = f.account(f.draft("A").teamMembers(List.of(new TeamMember(BOB, TeamAccess.READ_ONLY))));
        f.on(6, 10, 0);
        assertThat(f.sweep().reminded()).isZero();
        f.on(7, 10, 0);
        assertThat(f.sweep().reminded()).isEqualTo(1);
        assertThat(f.notifications(PoolSweeper.REMINDER, account.id())).singleElement().satisfies(e -> {
            assertThat(e.notification().recipients()).containsExactlyInAnyOrder(ALICE, BOB, POOL_ADMIN);
            assertThat(e.notification().deduplicationKey())
                    .isEqualTo("reminder:" + account.id().value() + ":nudge-7:" + SweepFixture.DAY0.plusDays(7));
        });
        f.on(8, 10, 0);
        assertThat(f.sweep().reminded()).isZero();
        assertThat(f.reload(account.id()).owner()).isEqualTo(ALICE);  // a reminder never recycles
    }

    @Test
    void onlyPoolsOfTheTenantAndAccountsOfThePoolAreSwept() {
        SweepFixture f = new SweepFixture();
        f.pool(POOL, rules(fifteenDaysForA()));
        f.pool(PoolId.of("P2"), PoolRules.defaults());
        Account elsewhere = f.account(f.draft("A").poolId(PoolId.of("P2")));
        f.on(40, 10, 0);
        assertThat(f.sweep().recycled()).isZero();
        assertThat(f.reload(elsewhere.id()).owner()).isEqualTo(ALICE);
        assertThat(f.sweeper.sweep(TenantId.of("other"), Actor.of(TenantId.of("other"), SYSTEM)))
                .isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));
    }

    @Test
    void refusesASweeperOfAnotherTenant() {
        SweepFixture f = new SweepFixture();
        assertThatThrownBy(() -> f.sweeper.sweep(TENANT, Actor.of(TenantId.of("other"), SYSTEM)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.sweeper.sweep(TENANT, null)).isInstanceOf(ValidationException.class);
        assertThat(f.outbox()).isEmpty();
    }
}
