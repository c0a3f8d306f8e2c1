package io.crmkit.rules.account;

import static io.crmkit.rules.account.AccountPoolFixture.ALICE;
import static io.crmkit.rules.account.AccountPoolFixture.BOB;
import static io.crmkit.rules.account.AccountPoolFixture.BOSS;
import static io.crmkit.rules.account.AccountPoolFixture.CAROL;
import static io.crmkit.rules.account.AccountPoolFixture.DAVE;
import static io.crmkit.rules.account.AccountPoolFixture.OTHER_POOL;
import static io.crmkit.rules.account.AccountPoolFixture.POOL;
import static io.crmkit.rules.account.AccountPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.account.AccountPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.OwnerChangeTeamPolicy;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Admin and owner pool commands on accounts: put into pool, assign (one, batch, round-robin), return,
 * transfer, take out of pool, forced owner change with the team policy, deal status.
 */
class AccountOwnershipTest {

    private static RuleViolationException violation(Runnable command) {
        return catchThrowableOfType(RuleViolationException.class, command::run);
    }

    private static AccountPoolFixture fixture(PoolRules rules) {
        return new AccountPoolFixture().withPools(rules);
    }

    /** An account of POOL owned by alice with bob on her team. */
    private static Account withTeam(AccountPoolFixture f) {
        return f.create(b -> b.poolId(POOL).owner(ALICE).ownedSince(f.clock.instant())
                .teamMembers(List.of(TeamMember.readWrite(BOB))));
    }

    private static List<OutboxEntry> notificationsTo(AccountPoolFixture f, UserId user) {
        return f.outbox().stream().filter(e -> e.notification().recipients().contains(user)).toList();
    }

    @Test
    void putIntoPoolClearsTheOwnerAndTellsThemAndOnlyAdminsMayDoIt() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account mine = f.create(b -> b.owner(ALICE).ownedSince(f.clock.instant()));
        AccountPoolFixture.Snapshot before = f.snapshot(mine.id());

        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> f.commands.putIntoPool(actor(ALICE), mine.id(), POOL));
        assertThat(e.action()).isEqualTo("account.put-into-pool");
        assertThat(e.getMessage()).contains("pool.not-admin");
        f.assertUnchanged(before);

        Account pooled = f.commands.putIntoPool(actor(POOL_ADMIN), mine.id(), POOL);

        assertThat(pooled.owner()).isNull();
        assertThat(pooled.ownedSince()).isNull();
        assertThat(pooled.poolId()).isEqualTo(POOL);
        assertThat(pooled.updatedAt()).isEqualTo(f.clock.instant());
        ChangeLogEntry entry = f.lastEntry(mine.id());
        assertThat(entry.action()).isEqualTo("account.put-into-pool");
        assertThat(f.poolLog(POOL).get(0)).isEqualTo(entry);
        assertThat(notificationsTo(f, ALICE)).singleElement().satisfies(n -> {
            assertThat(n.notification().type()).isEqualTo("account.unassigned");
            assertThat(n.notification().deduplicationKey())
                    .isEqualTo("account.unassigned:" + mine.id().value() + ":" + entry.id().value());
        });
        assertThat(violation(() -> f.commands.putIntoPool(actor(BOSS), mine.id(), POOL)).rule())
                .isEqualTo("pool.same-pool");
    }

    @Test
    void assignGivesTheAccountAndItsOwnerlessContactsToAMemberWhoIsNotified() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.account(POOL);
        Contact contact = f.contact(account.id(), null);

        Account assigned = f.commands.assign(actor(POOL_ADMIN), account.id(), ALICE);

        assertThat(assigned.owner()).isEqualTo(ALICE);
        assertThat(f.contacts(account.id())).extracting(Contact::owner).containsExactly(ALICE);
        ChangeLogEntry entry = f.lastEntry(account.id());
        assertThat(entry.action()).isEqualTo("account.assign");
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
        assertThat(notificationsTo(f, ALICE)).singleElement().satisfies(n -> {
            assertThat(n.notification().type()).isEqualTo("account.assigned");
            assertThat(n.notification().payload()).containsEntry("changeLogEntryId", entry.id().value());
            assertThat(n.notification().deduplicationKey()).endsWith(":" + entry.id().value());
        });
        assertThat(contact.owner()).isNull();
    }

    @Test
    void assignIsForAdminsToMembersWithinTheHoldingLimit() {
        AccountPoolFixture f = fixture(PoolRules.builder().maxHeldPerMember(1).build());
        Account account = f.account(POOL);
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        assertThatThrownBy(() -> f.commands.assign(actor(ALICE), account.id(), ALICE))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("pool.not-admin");
        assertThat(violation(() -> f.commands.assign(actor(POOL_ADMIN), account.id(), DAVE)).rule())
                .isEqualTo("pool.assignee-not-member");
        f.commands.claim(actor(ALICE), f.account(POOL).id());
        RuleViolationException full = violation(() -> f.commands.assign(actor(POOL_ADMIN), account.id(), ALICE));
        assertThat(full.rule()).isEqualTo("pool.holding-limit");
        assertThat(full.limit()).isEqualTo(1);
        f.assertUnchanged(before);
    }

    @Test
    void assignBatchStopsAtTheHoldingLimitAndLeavesTheRestUnchanged() {
        AccountPoolFixture f = fixture(PoolRules.builder().maxHeldPerMember(2).build());
        List<AccountId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(f.account(POOL).id());
        }
        Account third = f.reload(ids.get(2));

        AccountBatchResult result = f.commands.assignBatch(actor(POOL_ADMIN), ids, BOB);

        assertThat(result.assignedTo(BOB)).extracting(Account::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(result.rejected()).singleElement().satisfies(o -> assertThat(
                ((RuleViolationException) o.rejection()).rule()).isEqualTo("pool.holding-limit"));
        assertThat(f.reload(ids.get(2))).isEqualTo(third);
        assertThatThrownBy(() -> f.commands.assignBatch(actor(POOL_ADMIN), List.of(ids.get(0), ids.get(0)), BOB))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void distributeGoesRoundRobinOverTheGivenIdsSkippingFullMembers() {
        AccountPoolFixture f = fixture(PoolRules.builder().maxHeldPerMember(2).build());
        f.commands.claim(actor(CAROL), f.account(POOL).id());
        f.commands.claim(actor(CAROL), f.account(POOL).id());
        List<AccountId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(f.account(POOL).id());
        }

        AccountBatchResult result = f.commands.distribute(actor(POOL_ADMIN), ids, List.of(ALICE, CAROL, BOB));

        assertThat(result.outcomes()).extracting(AccountBatchOutcome::assignee)
                .containsExactly(ALICE, BOB, ALICE, BOB, null);
        assertThat(((RuleViolationException) result.outcomes().get(4).rejection()).rule())
                .isEqualTo("pool.holding-limit");
        assertThat(f.held(POOL, ALICE, true)).isEqualTo(2);
        assertThat(f.held(POOL, BOB, true)).isEqualTo(2);
        assertThat(f.held(POOL, CAROL, true)).isEqualTo(2);
        assertThat(f.reload(ids.get(4)).owner()).isNull();
    }

    @Test
    void returnGoesToTheOriginPoolWithTheReasonAndClearsTheTeamPerPolicy() {
        AccountPoolFixture f = fixture(PoolRules.builder().ownerChangeTeamPolicy(OwnerChangeTeamPolicy.CLEAR_TEAM).build());
        Account account = withTeam(f);

        Account returned = f.commands.returnToPool(actor(ALICE), account.id(), "  budget frozen ", null);

        assertThat(returned.owner()).isNull();
        assertThat(returned.poolId()).isEqualTo(POOL);
        assertThat(returned.teamMembers()).isEmpty();
        ChangeLogEntry entry = f.lastEntry(account.id());
        assertThat(entry.action()).isEqualTo("account.return");
        assertThat(entry.reason()).isEqualTo("budget frozen");
        assertThat(f.poolLog(POOL).get(0)).isEqualTo(entry);
        assertThat(f.outbox()).isEmpty();
    }

    @Test
    void returnKeepsTheTeamWhereThePolicySaysKeep() {
        AccountPoolFixture f = fixture(PoolRules.builder().ownerChangeTeamPolicy(OwnerChangeTeamPolicy.KEEP_TEAM).build());
        Account account = withTeam(f);

        assertThat(f.commands.returnToPool(actor(ALICE), account.id(), "later", null).teamMembers())
                .containsExactly(TeamMember.readWrite(BOB));
    }

    @Test
    void returnRulesOnlyOriginFixedPoolOrChosenPoolAndWhoMayReturn() {
        AccountPoolFixture origin = fixture(PoolRules.builder().returnOnlyToOrigin(true).build());
        Account a = origin.owned(POOL, ALICE);
        AccountPoolFixture.Snapshot before = origin.snapshot(a.id());
        assertThat(violation(() -> origin.commands.returnToPool(actor(ALICE), a.id(), "x", OTHER_POOL)).rule())
                .isEqualTo("pool.return-only-to-origin");
        assertThatThrownBy(() -> origin.commands.returnToPool(actor(BOB), a.id(), "x", null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> origin.commands.returnToPool(actor(ALICE), a.id(), " ", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
        origin.assertUnchanged(before);

        AccountPoolFixture fixed = fixture(PoolRules.builder().returnOnlyToOrigin(false)
                .callerChoosesReturnPool(false).build());
        Account b = fixed.owned(POOL, ALICE);
        assertThat(violation(() -> fixed.commands.returnToPool(actor(ALICE), b.id(), "x", OTHER_POOL)).rule())
                .isEqualTo("pool.return-pool-fixed");

        AccountPoolFixture chosen = fixture(PoolRules.builder().returnOnlyToOrigin(false)
                .callerChoosesReturnPool(true).build());
        Account c = chosen.owned(POOL, ALICE);
        Account returned = chosen.commands.returnToPool(actor(ALICE), c.id(), "x", OTHER_POOL);
        assertThat(returned.poolId()).isEqualTo(OTHER_POOL);
        assertThat(chosen.poolLog(OTHER_POOL).get(0).action()).isEqualTo("account.return");
        assertThat(violation(() -> chosen.commands.returnToPool(actor(BOSS), c.id(), "x", null)).rule())
                .isEqualTo("pool.not-owned");
    }

    @Test
    void transferRulesOwnersOnlyWhereAllowedAdminsAlways() {
        AccountPoolFixture f = fixture(PoolRules.builder().transferAllowed(false).build());
        Account account = f.owned(POOL, ALICE);
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        assertThat(violation(() -> f.commands.transfer(actor(ALICE), account.id(), OTHER_POOL)).rule())
                .isEqualTo("pool.transfer-not-allowed");
        assertThatThrownBy(() -> f.commands.transfer(actor(BOB), account.id(), OTHER_POOL))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("pool.not-admin");
        assertThat(violation(() -> f.commands.transfer(actor(POOL_ADMIN), account.id(), POOL)).rule())
                .isEqualTo("pool.same-pool");
        f.assertUnchanged(before);

        Account moved = f.commands.transfer(actor(POOL_ADMIN), account.id(), OTHER_POOL);
        assertThat(moved.poolId()).isEqualTo(OTHER_POOL);
        assertThat(moved.owner()).isNull();
        assertThat(f.poolLog(OTHER_POOL).get(0).action()).isEqualTo("account.transfer");
        assertThat(notificationsTo(f, ALICE)).extracting(n -> n.notification().type())
                .containsExactly("account.unassigned");

        AccountPoolFixture open = fixture(PoolRules.builder().transferAllowed(true).build());
        Account mine = open.owned(POOL, ALICE);
        assertThat(open.commands.transfer(actor(ALICE), mine.id(), OTHER_POOL).poolId()).isEqualTo(OTHER_POOL);
        assertThat(open.outbox()).isEmpty();
    }

    @Test
    void forcedOwnerChangeWhereAllowedAppliesTheTeamPolicyAndTellsBothOwners() {
        AccountPoolFixture f = fixture(PoolRules.builder().forcedOwnerChangeAllowed(true)
                .ownerChangeTeamPolicy(OwnerChangeTeamPolicy.CLEAR_TEAM).build());
        Account account = f.create(b -> b.poolId(POOL).owner(ALICE).ownedSince(f.clock.instant())
                .teamMembers(List.of(TeamMember.readOnly(CAROL))));
        f.contact(account.id(), null);

        Account changed = f.commands.changeOwner(actor(POOL_ADMIN), account.id(), BOB);

        assertThat(changed.owner()).isEqualTo(BOB);
        assertThat(changed.teamMembers()).isEmpty();
        assertThat(f.contacts(account.id())).extracting(Contact::owner).containsExactly(BOB);
        ChangeLogEntry entry = f.lastEntry(account.id());
        assertThat(entry.action()).isEqualTo("account.change-owner");
        assertThat(f.poolLog(POOL).get(0).action()).isIn("account.change-owner", "contact.update");
        assertThat(notificationsTo(f, BOB)).extracting(n -> n.notification().type()).containsExactly("account.assigned");
        assertThat(notificationsTo(f, ALICE)).extracting(n -> n.notification().type())
                .containsExactly("account.unassigned");
        assertThat(notificationsTo(f, ALICE).get(0).notification().deduplicationKey())
                .isEqualTo("account.unassigned:" + account.id().value() + ":" + entry.id().value());
    }

    @Test
    void forcedOwnerChangeKeepsTheTeamWhereThePolicySaysKeep() {
        AccountPoolFixture f = fixture(PoolRules.builder().forcedOwnerChangeAllowed(true)
                .ownerChangeTeamPolicy(OwnerChangeTeamPolicy.KEEP_TEAM).build());
        Account account = f.create(b -> b.poolId(POOL).owner(ALICE).ownedSince(f.clock.instant())
                .teamMembers(List.of(TeamMember.readOnly(CAROL), TeamMember.readWrite(BOB))));

        // Bob leaves the team as he becomes the owner; Carol stays.
        assertThat(f.commands.changeOwner(actor(BOSS), account.id(), BOB).teamMembers())
                .containsExactly(TeamMember.readOnly(CAROL));
    }

    @Test
    void forcedOwnerChangeForbiddenByThePoolOrForNonAdminsChangesNothing() {
        AccountPoolFixture f = fixture(PoolRules.builder().forcedOwnerChangeAllowed(false).build());
        Account account = f.owned(POOL, ALICE);
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        assertThat(violation(() -> f.commands.changeOwner(actor(POOL_ADMIN), account.id(), BOB)).rule())
                .isEqualTo("pool.forced-owner-change");
        assertThat(violation(() -> f.commands.assign(actor(POOL_ADMIN), account.id(), BOB)).rule())
                .isEqualTo("pool.forced-owner-change");
        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> f.commands.changeOwner(actor(ALICE), account.id(), BOB));
        assertThat(e.action()).isEqualTo("account.change-owner");
        f.assertUnchanged(before);
        Account unowned = f.account(POOL);
        assertThat(violation(() -> f.commands.changeOwner(actor(POOL_ADMIN), unowned.id(), BOB)).rule())
                .isEqualTo("pool.not-owned");
    }

    @Test
    void takeOutOfPoolNeedsAnOwnerAndAnAdmin() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.account(POOL);
        f.contact(account.id(), null);
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        assertThatThrownBy(() -> f.commands.takeOutOfPool(actor(POOL_ADMIN), account.id(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("newOwner");
        assertThatThrownBy(() -> f.commands.takeOutOfPool(actor(ALICE), account.id(), ALICE))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("pool.not-admin");
        f.assertUnchanged(before);

        Account out = f.commands.takeOutOfPool(actor(POOL_ADMIN), account.id(), DAVE);

        assertThat(out.poolId()).isNull();
        assertThat(out.owner()).isEqualTo(DAVE);
        assertThat(f.contacts(account.id())).extracting(Contact::owner).containsExactly(DAVE);
        assertThat(f.poolLog(POOL)).extracting(ChangeLogEntry::action).contains("account.take-out-of-pool");
        assertThat(notificationsTo(f, DAVE)).extracting(n -> n.notification().type()).containsExactly("account.assigned");
        assertThat(violation(() -> f.commands.takeOutOfPool(actor(BOSS), account.id(), DAVE)).rule())
                .isEqualTo("pool.no-pool");
    }

    @Test
    void changeDealStatusByTheOwnerOrAnAdminInThePoolLog() {
        AccountPoolFixture f = fixture(PoolRules.defaults());
        Account account = f.owned(POOL, ALICE);
        AccountPoolFixture.Snapshot before = f.snapshot(account.id());

        assertThatThrownBy(() -> f.commands.changeDealStatus(actor(BOB), account.id(), DealStatus.WON))
                .isInstanceOf(ForbiddenException.class);
        f.assertUnchanged(before);

        Account won = f.commands.changeDealStatus(actor(ALICE), account.id(), DealStatus.WON);

        assertThat(won.dealStatus()).isEqualTo(DealStatus.WON);
        assertThat(won.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(f.poolLog(POOL).get(0).action()).isEqualTo("account.change-deal-status");
        AccountPoolFixture.Snapshot after = f.snapshot(account.id());
        assertThat(f.commands.changeDealStatus(actor(POOL_ADMIN), account.id(), DealStatus.WON)).isEqualTo(won);
        f.assertUnchanged(after);
        Account locked = f.create(b -> b.poolId(POOL).owner(ALICE).ownedSince(f.clock.instant()).locked(true));
        assertThat(violation(() -> f.commands.changeDealStatus(actor(ALICE), locked.id(), DealStatus.WON)).rule())
                .isEqualTo("account.locked");
    }
}
