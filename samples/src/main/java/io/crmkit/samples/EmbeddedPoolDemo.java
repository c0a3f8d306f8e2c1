package io.crmkit.samples;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.FollowUpKind;
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
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.activity.RecordFollowUp;
import io.crmkit.rules.pool.PoolRuleNames;
import io.crmkit.rules.pool.SweepResult;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.outbox.OutboxStatus;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.Grouping;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The demo's second part: a public pool (公海) on an embedded H2 file database. Three sales reps
 * claim accounts under a holding limit, one keeps following up, and after 15 quiet days the nightly
 * sweep recycles the others' level-A accounts, after warning their owners three days before. The
 * store, the change log and the outbox are all in the database; the figures at the end are
 * set-based queries.
 */
final class EmbeddedPoolDemo {
    static final TenantId TENANT = TenantId.of("demo");
    static final PoolId POOL = PoolId.of("east-sea");
    /** 09:00 in Shanghai on 2026-03-02. */
    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int ACCOUNTS = 60;
    static final int MAX_HELD = 8;

    private final PrintStream out;
    private final Path folder;

    EmbeddedPoolDemo(PrintStream out, Path folder) {
        this.out = out;
        this.folder = folder;
    }

    /** What the demo ends with, for its test. */
    record Outcome(int claimed, int refusedByLimit, int warned, int recycled, long ownedAfter,
            List<AggregateRow> byOwner) {}

    Outcome run() throws IOException {
        deleteDatabase();
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve("crm").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool dataSource = JdbcConnectionPool.create(url, "sa", "");
        try {
            DemoClock clock = new DemoClock(START);
            JdbcCrmStore store = JdbcCrmStore.builder().dataSource(dataSource).clock(clock).build();
            Crm crm = Crm.builder().store(store).clock(clock)
                    .tenantSettings(TenantSettingsSource.fixed(
                            TenantSettings.defaults(SHANGHAI, Currency.getInstance("CNY"))))
                    .build();
            return story(crm, clock, url);
        } finally {
            dataSource.dispose();
        }
    }

    private Outcome story(Crm crm, DemoClock clock, String url) {
        out.println("a public pool (公海) on embedded H2: " + url.substring(0, url.indexOf(';')));
        List<UserId> reps = List.of(UserId.of("li.lei"), UserId.of("han.meimei"), UserId.of("wang.fang"));
        PoolRules rules = PoolRules.builder()
                .maxHeldPerMember(MAX_HELD)
                .recycleRules(List.of(RecycleRule.builder()
                        .id("level-a-15").name("Level A: 15 days without follow-up")
                        .condition(Condition.eq("level", new CustomValue.Choice("A")))
                        .basis(InactivityBasis.NO_FOLLOW_UP).days(15).warnDaysBefore(3)
                        .build()))
                .build();
        crm.store().transact(tx -> {
            tx.pools().insert(Pool.builder().id(POOL).tenantId(TENANT).name("East China sea")
                    .admins(Set.of(UserId.of("admin"))).members(new PoolMembers(Set.copyOf(reps), Set.of()))
                    .rules(rules).createdAt(START).updatedAt(START).build());
            for (int i = 1; i <= ACCOUNTS; i++) {
                tx.accounts().insert(Account.builder().id(AccountId.of(String.format("acc-%03d", i)))
                        .tenantId(TENANT).name("Company " + i).level(i % 3 == 0 ? "B" : "A").poolId(POOL)
                        .createdAt(START).updatedAt(START).build());
            }
            return null;
        });
        out.printf("  %d accounts in the pool; each rep may hold %d; level A is recycled after 15 days%n",
                ACCOUNTS, MAX_HELD);

        Random random = new Random(20260302L);
        int claimed = 0;
        int refused = 0;
        for (int round = 0; round < 12; round++) {
            for (UserId rep : reps) {
                AccountId pick = AccountId.of(String.format("acc-%03d", 1 + random.nextInt(ACCOUNTS)));
                try {
                    crm.publicPools().claim(Actor.of(TENANT, rep), pick);
                    claimed++;
                } catch (RuleViolationException e) {
                    if (e.rule().equals(PoolRuleNames.HOLDING_LIMIT)) {
                        refused++;
                    }
                }
            }
        }
        out.printf("  day 0: %d claims succeeded, %d refused by the holding limit%n", claimed, refused);

        int warned = 0;
        int recycled = 0;
        Actor sweeper = Actor.of(TENANT, UserId.of("system.sweeper"));
        for (int day = 1; day <= 16; day++) {
            clock.advance(Duration.ofDays(1));
            // li.lei follows up on everything he holds every day; the others go quiet.
            for (Account held : owned(crm, reps.get(0))) {
                crm.followUps().record(Actor.of(TENANT, reps.get(0)), new RecordFollowUp(
                        RecordRef.of(RecordType.ACCOUNT, held.id()), FollowUpKind.CALL, "Daily call", null));
            }
            SweepResult result = crm.poolSweeper().sweep(TENANT, sweeper);
            warned += result.warned();
            recycled += result.recycled();
            if (result.warned() + result.recycled() > 0) {
                out.printf("  day %2d: the sweep warned the owners of %d accounts and recycled %d accounts%n", day,
                        result.warned(), result.recycled());
            }
        }
        long pending = crm.store().transact(tx -> tx.outbox()
                .list(TENANT, OutboxStatus.PENDING, PageRequest.first(1000)).items().size());
        QueryContext context = new QueryContext(clock.instant(), SHANGHAI);
        List<AggregateRow> byOwner = crm.store().transact(tx -> tx.accounts().aggregate(TENANT,
                AggregateQuery.count(null, Grouping.by("owner"), Grouping.by("level")), context));
        long ownedAfter = byOwner.stream().filter(r -> r.keys().get(0) != null).mapToLong(AggregateRow::count).sum();
        out.printf("  %d notifications wait in the outbox for the host's relay%n", pending);
        out.println();
        out.printf("  %-12s %-6s %8s%n", "owner", "level", "accounts");
        for (AggregateRow row : byOwner) {
            out.printf("  %-12s %-6s %8d%n", row.keys().get(0) == null ? "(pool)" : row.keys().get(0),
                    row.keys().get(1), row.count());
        }
        return new Outcome(claimed, refused, warned, recycled, ownedAfter, byOwner);
    }

    private static List<Account> owned(Crm crm, UserId rep) {
        return crm.store().transact(tx -> tx.accounts().query(TENANT,
                Condition.eq("owner", new CustomValue.Text(rep.value())),
                new QueryContext(crm.clock().instant(), SHANGHAI), PageRequest.first(1000)).items());
    }

    private void deleteDatabase() throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(files::add);
        }
        for (Path file : files) {
            Files.delete(file);
        }
    }
}
