package io.crmkit.rules.pool;

import static io.crmkit.rules.pool.SweepFixture.POOL;
import static io.crmkit.rules.pool.SweepFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Sweeps at volume and from several threads at once. */
class PoolSweeperScaleTest {
    private static final RecycleRule RULE = RecycleRule.builder().id("a-15").name("A: 15 days")
            .condition(Condition.eq("level", new CustomValue.Text("A")))
            .basis(InactivityBasis.NO_FOLLOW_UP).days(15).warnDaysBefore(3).build();

    /** {@code due} accounts claimed on day 0, {@code warned} on day 3, {@code fresh} on day 10. */
    private static SweepFixture tenant(SweepFixture f, int due, int warned, int fresh) {
        f.pool(POOL, PoolRules.builder().addRecycleRule(RULE).build());
        f.on(0, 10, 0).accounts(due, b -> b);
        f.on(3, 10, 0).accounts(warned, b -> b);
        f.on(10, 10, 0).accounts(fresh, b -> b);
        f.on(15, 10, 0);
        return f;
    }

    @Test
    void aHundredThousandAccountsInOnePassOfPagesAndASecondSweepChangesNothing() {
        InterceptingStore[] wrapper = new InterceptingStore[1];
        SweepFixture f = tenant(new SweepFixture(store -> wrapper[0] = new InterceptingStore(store)),
                40_000, 30_000, 30_000);
        wrapper[0].accountQueries.set(0);

        SweepResult first = f.sweep();

        assertThat(first).isEqualTo(new SweepResult(40_000, 30_000, 0, 0, List.of()));
        // One pass: every due account read once in pages of 500, then every account to warn.
        assertThat(wrapper[0].accountQueries.get()).isEqualTo(40_000 / PoolSweeper.PAGE + 30_000 / PoolSweeper.PAGE);
        List<OutboxEntry> outbox = f.outbox();
        assertThat(outbox).hasSize(70_000);
        assertThat(outbox.stream().map(e -> e.notification().deduplicationKey()).collect(Collectors.toSet()))
                .hasSize(70_000);

        SweepResult second = f.sweep();

        assertThat(second).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));
        assertThat(f.outbox()).hasSize(70_000);
    }

    @Test
    void concurrentSweepsRecycleAndWarnEachAccountExactlyOnce() throws Exception {
        SweepFixture f = tenant(new SweepFixture(), 600, 200, 100);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SweepResult>> runs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return f.sweep();
            }));
        }
        start.countDown();
        List<SweepResult> results = new ArrayList<>();
        for (Future<SweepResult> run : runs) {
            results.add(run.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results.stream().mapToInt(SweepResult::recycled).sum()).isEqualTo(600);
        assertThat(results.stream().mapToInt(SweepResult::warned).sum()).isEqualTo(200);
        assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        List<OutboxEntry> outbox = f.outbox();
        assertThat(outbox).hasSize(800);
        Set<String> keys = outbox.stream().map(e -> e.notification().deduplicationKey()).collect(Collectors.toSet());
        assertThat(keys).hasSize(800);
        long recycleEntries = outbox.stream().filter(e -> e.notification().type().equals(PoolSweeper.RECYCLED))
                .map(e -> e.notification().record()).distinct().count();
        assertThat(recycleEntries).isEqualTo(600);
        // Every recycled account has exactly one recycle entry in its log.
        outbox.stream().filter(e -> e.notification().type().equals(PoolSweeper.RECYCLED)).limit(50)
                .forEach(e -> assertThat(f.log(io.crmkit.core.account.AccountId.of(e.notification().record().id())))
                        .filteredOn(l -> l.action().equals(PoolSweeper.RECYCLE_ACTION)).hasSize(1));
        assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, List.of()));
    }
}
