package io.crmkit.rules.account;

import static io.crmkit.rules.account.AccountCareFixture.ALICE;
import static io.crmkit.rules.account.AccountCareFixture.BOB;
import static io.crmkit.rules.account.AccountCareFixture.BOSS;
import static io.crmkit.rules.account.AccountCareFixture.POOL;
import static io.crmkit.rules.account.AccountCareFixture.POOL_ADMIN;
import static io.crmkit.rules.account.AccountCareFixture.TENANT;
import static io.crmkit.rules.account.AccountCareFixture.ZONE;
import static io.crmkit.rules.account.AccountCareFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.approval.ApprovalDecision;
import io.crmkit.spi.approval.ApprovalRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecycleExtensionsTest {
    private static final RecycleRule IMPORTANT = RecycleRule.builder().id("important").name("Important accounts")
            .condition(Condition.eq("level", new CustomValue.Text("A"))).days(15).warnDaysBefore(3).build();
    private static final RecycleRule OTHERS = RecycleRule.builder().id("others").name("Everyone else")
            .days(30).extensionAllowed(true).maxExtensionDays(10).build();

    private final AccountCareFixture fx = new AccountCareFixture()
            .withPool(PoolRules.builder().addRecycleRule(IMPORTANT).addRecycleRule(OTHERS).build());
    private final RecycleExtensions extensions = new RecycleExtensions(fx.rules);

    private ApprovalDecision decision(String id, boolean approved, Map<String, String> granted) {
        return new ApprovalDecision(id, TENANT, approved, POOL_ADMIN, "ok by me", granted, fx.clock.instant());
    }

    @Test
    void approvedOnALaterDayPostponesTheRecycle() {
        Account account = fx.claimed(ALICE);

        String id = extensions.request(actor(ALICE), account.id(), 7, "big order coming");

        ApprovalRequest submitted = fx.approvals.request(id).orElseThrow();
        assertThat(submitted.kind()).isEqualTo("pool.recycle-extension");
        assertThat(submitted.subject()).isEqualTo(RecordRef.of(RecordType.ACCOUNT, account.id()));
        assertThat(submitted.requestedBy()).isEqualTo(ALICE);
        assertThat(submitted.details()).containsEntry("days", "7").containsEntry("reason", "big order coming")
                .containsEntry("rule", "others");
        ChangeLogEntry requested = fx.accountLog(account).get(0);
        assertThat(requested.action()).isEqualTo("account.extension-request");
        assertThat(requested.context()).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
        assertThat(fx.stored(account)).isEqualTo(account);

        fx.clock.advance(Duration.ofDays(2));
        Account decided = extensions.decide(decision(id, true, Map.of()));

        Instant expected = fx.clock.instant().atZone(ZONE).plusDays(7).toInstant();
        assertThat(decided.recycleDeferredUntil()).isEqualTo(expected);
        assertThat(decided.updatedAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.stored(account)).isEqualTo(decided);
        ChangeLogEntry entry = fx.accountLog(account).get(0);
        assertThat(entry.action()).isEqualTo("account.extension-decision");
        assertThat(entry.actor()).isEqualTo(POOL_ADMIN);
        assertThat(entry.reason()).contains(id).contains("approved");
        assertThat(entry.changes()).anyMatch(c -> c.field().equals("recycleDeferredUntil"));
    }

    @Test
    void grantedDaysOverrideTheAskedDaysAndNeverMoveTheDeferralBack() {
        Account account = fx.account(b -> b.poolId(POOL).owner(ALICE).ownedSince(fx.clock.instant())
                .recycleDeferredUntil(fx.clock.instant().plus(Duration.ofDays(20))));
        String shortOne = extensions.request(actor(ALICE), account.id(), 5, null);
        assertThat(extensions.decide(decision(shortOne, true, Map.of("days", "3"))).recycleDeferredUntil())
                .isEqualTo(account.recycleDeferredUntil());

        String longer = extensions.request(actor(ALICE), account.id(), 10, null);
        fx.clock.advance(Duration.ofDays(1));
        Account decided = extensions.decide(decision(longer, true, Map.of("days", "30")));
        assertThat(decided.recycleDeferredUntil()).isEqualTo(fx.clock.instant().atZone(ZONE).plusDays(30).toInstant());
    }

    @Test
    void decidingTwiceChangesNothingTheSecondTime() {
        Account account = fx.claimed(ALICE);
        String id = extensions.request(actor(ALICE), account.id(), 7, null);
        Account first = extensions.decide(decision(id, true, Map.of()));
        fx.clock.advance(Duration.ofDays(1));

        Account second = extensions.decide(decision(id, true, Map.of("days", "10")));

        assertThat(second).isEqualTo(first);
        assertThat(fx.stored(account)).isEqualTo(first);
        assertThat(fx.accountLog(account)).filteredOn(e -> e.action().equals("account.extension-decision")).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfOneDecisionLogItOnce() throws Exception {
        Account account = fx.claimed(ALICE);
        String id = extensions.request(actor(ALICE), account.id(), 7, null);
        ApprovalDecision rejection = decision(id, false, Map.of());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Account>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return extensions.decide(rejection);
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<Account> result : results) {
            assertThat(result.get()).isEqualTo(account);
        }
        pool.shutdown();

        assertThat(fx.accountLog(account)).filteredOn(e -> e.action().equals("account.extension-decision")).hasSize(1);
    }

    @Test
    void rejectedLeavesTheAccountAsItWas() {
        Account account = fx.claimed(ALICE);
        String id = extensions.request(actor(ALICE), account.id(), 7, null);

        Account decided = extensions.decide(decision(id, false, Map.of()));

        assertThat(decided).isEqualTo(account);
        assertThat(fx.stored(account)).isEqualTo(account);
        ChangeLogEntry entry = fx.accountLog(account).get(0);
        assertThat(entry.action()).isEqualTo("account.extension-decision");
        assertThat(entry.reason()).contains("rejected");
        assertThat(entry.changes()).isEmpty();
    }

    @Test
    void approvalAfterTheAccountChangedHandsIsLoggedButNotApplied() {
        Account account = fx.claimed(ALICE);
        String id = extensions.request(actor(ALICE), account.id(), 7, null);
        fx.clock.advance(Duration.ofHours(1));
        Account reassigned = fx.rules.command(actor(BOSS), cmd -> cmd.tx().accounts().update(
                fx.stored(account).withOwner(BOB, cmd.now()).toBuilder().updatedAt(cmd.now()).build()));

        Account decided = extensions.decide(decision(id, true, Map.of()));

        assertThat(decided).isEqualTo(reassigned);
        assertThat(fx.accountLog(account).get(0).reason()).contains("changed hands");
    }

    @Test
    void moreDaysThanTheRuleAllowsAreRefusedAndNothingIsRequested() {
        Account account = fx.claimed(ALICE);

        assertThatThrownBy(() -> extensions.request(actor(ALICE), account.id(), 11, null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo("pool.extension-too-long");
                    assertThat(e.limit()).isEqualTo(10);
                });
        assertThat(fx.approvals.requests()).isEmpty();
        assertThat(fx.accountLog(account)).hasSize(1);
    }

    @Test
    void noExtensionWhereTheApplicableRuleAllowsNone() {
        Account important = fx.account(b -> b.poolId(POOL).owner(ALICE).ownedSince(fx.clock.instant()).level("A"));
        Account outsidePools = fx.owned(ALICE);

        assertThatThrownBy(() -> extensions.request(actor(ALICE), important.id(), 3, null))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("pool.extension-not-allowed"));
        assertThatThrownBy(() -> extensions.request(actor(ALICE), outsidePools.id(), 3, null))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("pool.extension-not-allowed"));
        assertThat(fx.approvals.requests()).isEmpty();
    }

    @Test
    void onlyTheOwnerAsks() {
        Account account = fx.claimed(ALICE);

        assertThatThrownBy(() -> extensions.request(actor(BOB), account.id(), 3, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> extensions.request(actor(POOL_ADMIN), account.id(), 3, null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fx.approvals.requests()).isEmpty();
        assertThat(fx.accountLog(account)).hasSize(1);
    }

    @Test
    void aMadeUpRequestIsNotFound() {
        Account account = fx.claimed(ALICE);
        String forged = account.id().value() + ":10:01JD3V6Q8M5W0ZB2N7XKQ4R9TS";

        assertThatThrownBy(() -> extensions.decide(decision(forged, true, Map.of())))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.stored(account)).isEqualTo(account);
    }
}
