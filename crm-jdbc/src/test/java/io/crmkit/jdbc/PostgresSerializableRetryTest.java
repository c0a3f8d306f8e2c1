package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.QueryContext;
import io.crmkit.tck.TckFixtures;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The serialization-retry path, proven on PostgreSQL at SERIALIZABLE: 16 threads each run "count what
 * the member holds, and take one more if it is under 3" with no lock at all. That is write skew, which
 * READ COMMITTED lets through; SERIALIZABLE makes PostgreSQL abort the losers with SQLSTATE 40001, the
 * store retries them in new transactions, and the retried work sees the winners' rows. Afterwards the
 * member holds exactly 3, and the work ran more often than there were threads: retries happened.
 */
class PostgresSerializableRetryTest {

    @Test
    void writeSkewIsAbortedAndRetriedUntilTheLimitHolds() throws Exception {
        JdbcCrmStore store = TestStores.postgres(JdbcCrmStore.Isolation.SERIALIZABLE);
        TenantId tenant = TenantId.of("skew-" + UUID.randomUUID());
        UserId member = UserId.of("li.lei");
        QueryContext context = new QueryContext(TckFixtures.BASE, ZoneId.of("Asia/Shanghai"));
        Condition held = Condition.eq("owner", new CustomValue.Text(member.value()));
        int threads = 16;
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    boolean took = store.transact(tx -> {
                        runs.incrementAndGet();
                        if (tx.accounts().count(tenant, held, context) >= 3) {
                            return false;
                        }
                        Account account = TckFixtures.account(tx, tenant).owner(member)
                                .ownedSince(TckFixtures.BASE).build();
                        tx.accounts().insert(account);
                        return true;
                    });
                    if (took) {
                        taken.incrementAndGet();
                    }
                    return null;
                }));
            }
            ready.await();
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long holds = store.transact(tx -> tx.accounts().count(tenant, held, context));
        assertThat(holds).as("accounts the member holds").isEqualTo(3);
        assertThat(taken.get()).as("units of work that took one").isEqualTo(3);
        assertThat(runs.get()).as("runs of the work: more than one per thread means serialization failures were retried")
                .isGreaterThan(threads);
    }
}
