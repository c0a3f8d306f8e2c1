package io.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.lead.PoolTestClock;
import io.crmkit.rules.pool.SweepResult;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.approval.ApprovalDecision;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A public pool's life through {@link Crm}, in the host's words: "with our pool config, a level-A
 * account not followed up for 15 days is recycled, and its owner is warned 3 days before; an
 * approved extension postpones it". Every step goes through the entry point a host uses.
 */
class CrmPublicPoolsTest {
    private static final TenantId TENANT = TenantId.of("acme");
    /** 09:00 in Shanghai on day 0. */
    private static final Instant DAY_0 = Instant.parse("2026-03-01T01:00:00Z");
    private static final PoolId SEA = PoolId.of("east-sea");
    private static final AccountId ACME = AccountId.of("acc-acme");

    private final Actor admin = Actor.of(TENANT, UserId.of("wang.admin"));
    private final Actor li = Actor.of(TENANT, UserId.of("li.lei"));
    private final Actor han = Actor.of(TENANT, UserId.of("han.meimei"));
    private final Actor sweeper = Actor.of(TENANT, UserId.of("system.sweeper"));
    private final PoolTestClock clock = new PoolTestClock(DAY_0);
    private final InMemoryApprovalGateway approvals = new InMemoryApprovalGateway();
    private Crm crm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .store(InMemoryCrmStore.create(clock))
                .clock(clock)
                .approvals(approvals)
                .tenantSettings(TenantSettingsSource.fixed(
                        TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))))
                .build();
        PoolRules rules = PoolRules.builder()
                .recycleRules(List.of(RecycleRule.builder()
                        .id("level-a-15").name("Level A: 15 days without follow-up")
                        .condition(Condition.eq("level", new CustomValue.Choice("A")))
                        .basis(InactivityBasis.NO_FOLLOW_UP).days(15).warnDaysBefore(3)
                        .extensionAllowed(true).maxExtensionDays(7)
                        .build()))
                .publicFields(Set.of("name", "level"))
                .build();
        crm.store().transact(tx -> {
            tx.pools().insert(Pool.builder().id(SEA).tenantId(TENANT).name("East sea")
                    .admins(Set.of(admin.userId())).members(PoolMembers.ofUsers(li.userId(), han.userId()))
                    .rules(rules).createdAt(DAY_0).updatedAt(DAY_0).build());
            return tx.accounts().insert(Account.builder().id(ACME).tenantId(TENANT).name("Acme Valves")
                    .level("A").phone("+86 21 5555 0101").poolId(SEA).createdAt(DAY_0).updatedAt(DAY_0).build());
        });
    }

    @Test
    void aLevelAAccountIsWarnedThenRecycledUnlessAnExtensionIsApproved() {
        // Before anyone claims it, a member sees only the pool's public fields.
        Account seenByHan = crm.poolViews().read(han, ACME);
        assertThat(seenByHan.name()).isEqualTo("Acme Valves");
        assertThat(seenByHan.level()).isEqualTo("A");
        assertThat(seenByHan.phone()).isNull();

        assertThat(crm.publicPools().claim(li, ACME).owner()).isEqualTo(li.userId());

        clock.set(DAY_0.plus(Duration.ofDays(11)));
        assertThat(sweep().warned()).as("day 11: not yet warned").isZero();
        clock.set(DAY_0.plus(Duration.ofDays(12)));
        assertThat(sweep().warned()).as("day 12: three days before day 15").isEqualTo(1);
        assertThat(sweep().warned()).as("the same warning is never sent twice").isZero();
        assertThat(pendingTypes()).contains("pool.recycle-warning");

        // The owner asks for 5 more days; the approver grants them on day 13.
        clock.set(DAY_0.plus(Duration.ofDays(13)));
        String request = crm.recycleExtensions().request(li, ACME, 5, "Contract signing next week");
        assertThat(approvals.request(request)).isPresent();
        crm.recycleExtensions().decide(new ApprovalDecision(request, TENANT, true, admin.userId(), "ok",
                Map.of(), clock.instant()));

        clock.set(DAY_0.plus(Duration.ofDays(16)));
        assertThat(sweep().recycled()).as("day 16: postponed by the extension").isZero();
        assertThat(account().owner()).isEqualTo(li.userId());

        clock.set(DAY_0.plus(Duration.ofDays(19)));
        SweepResult late = sweep();
        assertThat(late.recycled()).as("day 19: the extension has run out").isEqualTo(1);
        assertThat(late.problems()).isEmpty();
        assertThat(account().owner()).isNull();
        assertThat(account().poolId()).isEqualTo(SEA);
        assertThat(sweep().recycled()).as("a second sweep changes nothing").isZero();
    }

    @Test
    void extensionsLongerThanTheRuleAllowsAreRefused() {
        crm.publicPools().claim(li, ACME);

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> crm.recycleExtensions().request(li, ACME, 8, "too long"));

        assertThat(e.rule()).isEqualTo("pool.extension-too-long");
        assertThat(e.limit()).isEqualTo(7);
        assertThat(approvals.requests()).isEmpty();
    }

    private SweepResult sweep() {
        return crm.poolSweeper().sweep(TENANT, sweeper);
    }

    private Account account() {
        return crm.store().transact(tx -> tx.accounts().get(TENANT, ACME));
    }

    private List<String> pendingTypes() {
        List<OutboxEntry> pending = crm.store().transact(
                tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(100)).items());
        return pending.stream().map(entry -> entry.notification().type()).toList();
    }
}
