package io.crmkit.rules.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.ClaimPolicy;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.rules.lead.PoolTestClock;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.memory.InMemoryDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The engine on its own, over public pools of accounts: the same engine the lead pools use, so these
 * tests show what a second kind of pool gets for free (membership, visibility, holding with won
 * records, history from the change log).
 */
class PoolEngineTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final UserId ADMIN = UserId.of("admin");
    private static final UserId ANN = UserId.of("ann");
    private static final UserId BEN = UserId.of("ben");
    private static final UserId OUTSIDER = UserId.of("outsider");
    private static final DepartmentId NORTH = DepartmentId.of("north");
    private static final PoolId POOL = PoolId.of("P1");

    /** Accounts in public pools; won accounts count where the pool says so. */
    static final PoolKind<Account, PoolId> ACCOUNTS = new PoolKind<>() {
        @Override
        public RecordType recordType() {
            return RecordType.ACCOUNT;
        }

        @Override
        public RecordType poolType() {
            return RecordType.POOL;
        }

        @Override
        public String claimAction() {
            return "account.claim";
        }

        @Override
        public long countHeld(CommandContext command, PoolId pool, UserId member, PoolRules rules) {
            return command.tx().accounts().countHeld(command.tenant(), pool, member, rules.wonRecordsCount(), command.query());
        }
    };

    private final PoolTestClock clock = new PoolTestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final InMemoryCrmStore store = InMemoryCrmStore.create(clock);
    private final RulesContext rules = new RulesContext(store, clock,
            TenantSettingsSource.fixed(TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))),
            InMemoryDirectory.builder().tenant(TENANT, t -> t.department(NORTH).user(BEN).member(BEN, NORTH)).build(),
            new InMemoryApprovalGateway(), InMemoryCompanyRegistry.empty(), Crm.DEFAULT_ADMIN_ROLE);
    private int accounts;

    private Pool pool(PoolRules poolRules) {
        Pool pool = Pool.builder().id(POOL).tenantId(TENANT).name("North public pool").addAdmin(ADMIN)
                .members(new PoolMembers(Set.of(ANN), Set.of(NORTH))).rules(poolRules)
                .createdAt(clock.instant()).updatedAt(clock.instant()).build();
        return store.transact(tx -> tx.pools().insert(pool));
    }

    /** Runs {@code check} with the engine of {@code pool}, in a command by {@code actor}. */
    private <T> T with(Actor actor, Pool pool, Function<PoolEngine<Account, PoolId>, T> check) {
        return rules.command(actor, cmd -> check.apply(PoolEngine.of(ACCOUNTS, cmd, POOL, pool)));
    }

    private Account account(UserId owner, DealStatus deal, boolean logged) {
        int n = ++accounts;
        Account account = Account.builder().id(AccountId.of("A" + n)).tenantId(TENANT).name("Company " + n)
                .poolId(POOL).owner(owner).ownedSince(owner == null ? null : clock.instant()).dealStatus(deal)
                .createdAt(clock.instant()).updatedAt(clock.instant()).build();
        return rules.command(Actor.of(TENANT, ADMIN), cmd -> {
            Account stored = cmd.tx().accounts().insert(account);
            if (logged) {
                cmd.log(ref(stored), RecordRef.of(RecordType.POOL, POOL), "account.create", null, stored, null);
            }
            return stored;
        });
    }

    private static RecordRef ref(Account account) {
        return RecordRef.of(RecordType.ACCOUNT, account.id());
    }

    /** Takes the account back into the pool, as a recycle sweep would write it. */
    private Account recycle(Account owned) {
        return rules.command(Actor.of(TENANT, ADMIN), cmd -> {
            Account after = cmd.tx().accounts().update(owned.inPool(POOL));
            cmd.log(ref(owned), RecordRef.of(RecordType.POOL, POOL), "account.recycle", owned, after, null);
            return after;
        });
    }

    @Test
    void membersAreNamedInPersonOrThroughADepartment() {
        Pool pool = pool(PoolRules.defaults());
        Actor carl = new Actor(TENANT, UserId.of("carl"), Set.of(), Set.of(NORTH));

        assertThat(this.<Boolean>with(Actor.of(TENANT, ADMIN), pool, e -> e.isMember(ANN))).isTrue();
        assertThat(this.<Boolean>with(Actor.of(TENANT, ADMIN), pool, e -> e.isMember(BEN))).isTrue(); // directory
        assertThat(this.<Boolean>with(Actor.of(TENANT, ADMIN), pool, e -> e.isMember(carl))).isTrue(); // actor's departments
        assertThat(this.<Boolean>with(Actor.of(TENANT, ADMIN), pool, e -> e.isMember(carl.userId()))).isFalse(); // unknown to the directory
        assertThat(this.<Boolean>with(Actor.of(TENANT, ADMIN), pool, e -> e.isMember(OUTSIDER))).isFalse();
        assertThat(this.<Boolean>with(Actor.of(TENANT, ADMIN), pool, e -> e.isMember(ADMIN))).isFalse();
    }

    @Test
    void whoSeesThePoolsRecordsDependsOnTheClaimPolicy() {
        Pool open = pool(PoolRules.defaults());
        Actor tenantAdmin = Actor.of(TENANT, OUTSIDER).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE));
        Actor ann = Actor.of(TENANT, ANN);

        assertThat(this.<Boolean>with(ann, open, e -> e.mayView(ann))).isTrue();
        assertThat(this.<Boolean>with(ann, open, e -> e.mayView(Actor.of(TENANT, OUTSIDER)))).isFalse();
        assertThat(this.<Boolean>with(ann, open, e -> e.mayView(Actor.of(TENANT, ADMIN)))).isTrue();
        assertThat(this.<Boolean>with(ann, open, e -> e.mayView(tenantAdmin))).isTrue();

        Pool assigned = open.toBuilder().rules(PoolRules.builder().claimPolicy(ClaimPolicy.ADMINS_ASSIGN_ONLY).build()).build();
        assertThat(this.<Boolean>with(ann, assigned, e -> e.mayView(ann))).isFalse();
        assertThat(this.<Boolean>with(ann, assigned, e -> e.mayView(Actor.of(TENANT, ADMIN)))).isTrue();
        assertThat(this.<Boolean>with(ann, assigned, e -> e.mayView(tenantAdmin))).isTrue();
    }

    @Test
    void refusalsNameTheirRule() {
        Pool assigned = pool(PoolRules.builder().claimPolicy(ClaimPolicy.ADMINS_ASSIGN_ONLY).build());

        ForbiddenException outsider = catchThrowableOfType(ForbiddenException.class,
                () -> with(Actor.of(TENANT, OUTSIDER), assigned, e -> { e.requireMayClaim("account.claim"); return 0; }));
        assertThat(outsider.action()).isEqualTo("account.claim");
        assertThat(outsider.arguments().get(2).toString()).startsWith(PoolRuleNames.NOT_MEMBER + ": ");
        ForbiddenException member = catchThrowableOfType(ForbiddenException.class,
                () -> with(Actor.of(TENANT, ANN), assigned, e -> { e.requireMayClaim("account.claim"); return 0; }));
        assertThat(member.arguments().get(2).toString()).startsWith(PoolRuleNames.ADMINS_ASSIGN_ONLY + ": ");
        ForbiddenException notAdmin = catchThrowableOfType(ForbiddenException.class,
                () -> with(Actor.of(TENANT, ANN), assigned, e -> { e.requireAdministers("account.assign"); return 0; }));
        assertThat(notAdmin.arguments().get(2).toString()).startsWith(PoolRuleNames.NOT_ADMIN + ": ");
    }

    @Test
    void wonAccountsCountTowardsTheHoldingLimitOnlyWhereThePoolSaysSo() {
        account(ANN, DealStatus.WON, true);
        account(ANN, DealStatus.NOT_YET, true);
        Pool excluding = pool(PoolRules.builder().maxHeldPerMember(2).wonRecordsCount(false).build());
        Pool including = excluding.toBuilder().rules(excluding.rules().toBuilder().wonRecordsCount(true).build()).build();
        Pool unlimited = excluding.toBuilder().rules(PoolRules.defaults()).build();

        assertThat(this.<Long>with(Actor.of(TENANT, ADMIN), excluding, e -> e.holdingRoom(ANN))).isEqualTo(1);
        assertThat(this.<Long>with(Actor.of(TENANT, ADMIN), including, e -> e.holdingRoom(ANN))).isZero();
        assertThat(this.<Long>with(Actor.of(TENANT, ADMIN), unlimited, e -> e.holdingRoom(ANN))).isEqualTo(Long.MAX_VALUE);
        RuleViolationException full = catchThrowableOfType(RuleViolationException.class, () -> with(
                Actor.of(TENANT, ADMIN), excluding, e -> { e.reserveHolding(ANN); e.reserveHolding(ANN); return 0; }));
        assertThat(full.rule()).isEqualTo(PoolRuleNames.HOLDING_LIMIT);
        assertThat(full.limit()).isEqualTo(2);
    }

    @Test
    void aRecycledAccountWaitsAndItsFormerOwnerCoolsDown() {
        Pool pool = pool(PoolRules.builder().claimableAfter(Duration.ofHours(4)).reclaimCooldownDays(3).build());
        Account owned = account(ANN, DealStatus.NOT_YET, true);
        clock.advance(Duration.ofDays(10));
        Account recycled = recycle(owned);
        clock.advance(Duration.ofHours(3));

        RuleViolationException waiting = catchThrowableOfType(RuleViolationException.class,
                () -> with(Actor.of(TENANT, BEN), pool, e -> { e.requireClaimableNow(recycled, BEN); return 0; }));
        assertThat(waiting.rule()).isEqualTo(PoolRuleNames.NOT_YET_CLAIMABLE);
        clock.advance(Duration.ofHours(1));
        assertThat(this.<Boolean>with(Actor.of(TENANT, BEN), pool, e -> { e.requireClaimableNow(recycled, BEN); return true; })).isTrue();
        RuleViolationException cooling = catchThrowableOfType(RuleViolationException.class,
                () -> with(Actor.of(TENANT, ANN), pool, e -> { e.requireClaimableNow(recycled, ANN); return 0; }));
        assertThat(cooling.rule()).isEqualTo(PoolRuleNames.RECLAIM_COOLDOWN);
        assertThat(cooling.limit()).isEqualTo(3);
        assertThat(cooling.getMessage()).contains("account.recycle");
    }

    @Test
    void aRecordStoredWithoutALogWaitsFromItsCreation() {
        Pool pool = pool(PoolRules.builder().claimableAfter(Duration.ofMinutes(30)).build());
        Account silent = account(null, DealStatus.NOT_YET, false);
        clock.advance(Duration.ofMinutes(29));

        assertThat(catchThrowableOfType(RuleViolationException.class, () -> with(Actor.of(TENANT, ANN), pool,
                e -> { e.requireClaimableNow(silent, ANN); return 0; })).rule()).isEqualTo(PoolRuleNames.NOT_YET_CLAIMABLE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(this.<Boolean>with(Actor.of(TENANT, ANN), pool, e -> { e.requireClaimableNow(silent, ANN); return true; })).isTrue();
    }

    @Test
    void theReturnTargetFollowsTheReturnRules() {
        PoolId other = PoolId.of("P2");
        Pool originOnly = pool(PoolRules.defaults());
        Pool fixed = originOnly.toBuilder().rules(PoolRules.builder().returnOnlyToOrigin(false).build()).build();
        Pool chosen = originOnly.toBuilder()
                .rules(PoolRules.builder().returnOnlyToOrigin(false).callerChoosesReturnPool(true).build()).build();
        Actor ann = Actor.of(TENANT, ANN);

        assertThat(this.<PoolId>with(ann, originOnly, e -> e.returnTarget(null))).isEqualTo(POOL);
        assertThat(this.<PoolId>with(ann, originOnly, e -> e.returnTarget(POOL))).isEqualTo(POOL);
        assertThat(catchThrowableOfType(RuleViolationException.class, () -> with(ann, originOnly, e -> e.returnTarget(other)))
                .rule()).isEqualTo(PoolRuleNames.RETURN_ONLY_TO_ORIGIN);
        assertThat(catchThrowableOfType(RuleViolationException.class, () -> with(ann, fixed, e -> e.returnTarget(other)))
                .rule()).isEqualTo(PoolRuleNames.RETURN_POOL_FIXED);
        assertThat(this.<PoolId>with(ann, chosen, e -> e.returnTarget(other))).isEqualTo(other);
    }

    @Test
    void theLockKeyNamesPoolAndMember() {
        Pool pool = pool(PoolRules.defaults());
        assertThat(this.<String>with(Actor.of(TENANT, ANN), pool, e -> e.lockKey(ANN))).isEqualTo("pool:P1:member:ann");
        assertThat(this.<RecordRef>with(Actor.of(TENANT, ANN), pool, PoolEngine::ref)).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
    }
}
