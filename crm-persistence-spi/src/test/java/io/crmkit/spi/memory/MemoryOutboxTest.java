package io.crmkit.spi.memory;

import static io.crmkit.spi.memory.Fixtures.NOW;
import static io.crmkit.spi.memory.Fixtures.OTHER_TENANT;
import static io.crmkit.spi.memory.Fixtures.TENANT;
import static io.crmkit.spi.memory.Fixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ValidationException;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.TransactionWork;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory outbox: idempotent appends, leases, failures, parking. */
class MemoryOutboxTest {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final InMemoryCrmStore store = Fixtures.store();

    @Test
    void appendIsIdempotentPerTenantAndKey() {
        OutboxEntry first = run(tx -> tx.outbox().append(notification("k1")));
        OutboxEntry again = run(tx -> tx.outbox().append(notification("k1")));
        OutboxEntry otherTenant = run(tx -> tx.outbox().append(notification(OTHER_TENANT, "k1")));
        OutboxEntry sameTx = run(tx -> {
            OutboxEntry a = tx.outbox().append(notification("k2"));
            assertThat(tx.outbox().append(notification("k2"))).isEqualTo(a);
            return a;
        });

        assertThat(again).isEqualTo(first);
        assertThat(otherTenant.id()).isNotEqualTo(first.id());
        assertThat(first.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(first.nextAttemptAt()).isEqualTo(NOW);
        assertThat(first.attempts()).isZero();
        assertThat(entries(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(10)).items()))
                .extracting(OutboxEntry::id).containsExactly(first.id(), sameTx.id());
    }

    @Test
    void aClaimLeasesDueEntriesOldestFirstAndNobodyElseGetsThemUntilTheLeaseEnds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "k" + i;
            ids.add(run(tx -> tx.outbox().append(notification(key))).id());
        }
        Instant now = NOW.plusSeconds(1);

        List<OutboxEntry> w1 = run(tx -> tx.outbox().claim("w1", 2, now, LEASE));
        List<OutboxEntry> w2 = run(tx -> tx.outbox().claim("w2", 10, now, LEASE));

        assertThat(w1).extracting(OutboxEntry::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(w1).allSatisfy(e -> {
            assertThat(e.leaseOwner()).isEqualTo("w1");
            assertThat(e.leaseUntil()).isEqualTo(now.plus(LEASE));
        });
        assertThat(w2).extracting(OutboxEntry::id).containsExactly(ids.get(2));
        assertThat(entries(tx -> tx.outbox().claim("w3", 10, now.plusSeconds(59), LEASE))).isEmpty();

        // Only the holder may settle an entry.
        assertThat(flag(tx -> tx.outbox().markDelivered(ids.get(0), "w2", now))).isFalse();
        assertThat(flag(tx -> tx.outbox().markDelivered(ids.get(0), "w1", now))).isTrue();
        assertThat(flag(tx -> tx.outbox().markDelivered(ids.get(0), "w1", now))).isFalse();

        // w1's lease on the second entry ends; w3 takes it over, and w1 can no longer settle it.
        Instant later = now.plus(LEASE);
        assertThat(entries(tx -> tx.outbox().claim("w3", 10, later, LEASE))).extracting(OutboxEntry::id)
                .containsExactly(ids.get(1), ids.get(2));
        assertThat(flag(tx -> tx.outbox().markFailed(ids.get(1), "w1", "late", later, false))).isFalse();

        OutboxEntry delivered = run(tx -> tx.outbox().list(TENANT, OutboxStatus.DELIVERED, PageRequest.first(10)))
                .items().get(0);
        assertThat(delivered.id()).isEqualTo(ids.get(0));
        assertThat(delivered.deliveredAt()).isEqualTo(now);
        assertThat(delivered.leaseOwner()).isNull();
    }

    @Test
    void aFailureCountsReleasesTheLeaseAndMakesTheEntryDueAgainOrParksIt() {
        String id = run(tx -> tx.outbox().append(notification("k"))).id();
        Instant now = NOW.plusSeconds(1);
        run(tx -> tx.outbox().claim("w1", 1, now, LEASE));

        Instant retryAt = now.plusSeconds(30);
        assertThat(flag(tx -> tx.outbox().markFailed(id, "w1", "sink down", retryAt, false))).isTrue();
        OutboxEntry failed = pending().get(0);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("sink down");
        assertThat(failed.leaseOwner()).isNull();
        assertThat(failed.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(entries(tx -> tx.outbox().claim("w2", 1, retryAt.minusMillis(1), LEASE))).isEmpty();
        assertThat(entries(tx -> tx.outbox().claim("w2", 1, retryAt, LEASE))).hasSize(1);

        assertThat(flag(tx -> tx.outbox().markFailed(id, "w2", "poison", null, true))).isTrue();
        assertThat(pending()).isEmpty();
        OutboxEntry parked = run(tx -> tx.outbox().list(TENANT, OutboxStatus.PARKED, PageRequest.first(10))).items().get(0);
        assertThat(parked.attempts()).isEqualTo(2);
        assertThat(parked.lastError()).isEqualTo("poison");
        assertThat(entries(tx -> tx.outbox().claim("w2", 1, retryAt.plusSeconds(3600), LEASE))).isEmpty();

        Instant reopened = retryAt.plusSeconds(7200);
        assertThat(flag(tx -> tx.outbox().retryParked(id, reopened))).isTrue();
        assertThat(flag(tx -> tx.outbox().retryParked(id, reopened))).isFalse();
        OutboxEntry retried = pending().get(0);
        assertThat(retried.attempts()).isZero();
        assertThat(retried.nextAttemptAt()).isEqualTo(reopened);
    }

    @Test
    void aClaimInATransactionThatRollsBackLeasesNothing() {
        run(tx -> tx.outbox().append(notification("k")));
        Instant now = NOW.plusSeconds(1);
        assertThatThrownBy(() -> store.transact(tx -> {
            assertThat(tx.outbox().claim("w1", 1, now, LEASE)).hasSize(1);
            throw new io.crmkit.core.error.RuleViolationException("test.crash", null, "the relay crashed");
        })).isInstanceOf(io.crmkit.core.error.RuleViolationException.class);
        assertThat(entries(tx -> tx.outbox().claim("w2", 1, now, LEASE))).extracting(OutboxEntry::leaseOwner)
                .containsExactly("w2");
    }

    @Test
    void concurrentClaimsNeverHandOneEntryToTwoWorkers() throws Exception {
        run(tx -> {
            for (int i = 0; i < 500; i++) {
                tx.outbox().append(notification("k" + i));
            }
            return null;
        });
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> claims = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = "w" + w;
                claims.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    while (true) {
                        List<OutboxEntry> got = store.transact(tx -> tx.outbox().claim(worker, 7, NOW, LEASE));
                        if (got.isEmpty()) {
                            return mine;
                        }
                        got.forEach(e -> mine.add(e.id()));
                    }
                }));
            }
            start.countDown();
            Set<String> claimed = new HashSet<>();
            int total = 0;
            for (Future<List<String>> claim : claims) {
                List<String> mine = claim.get(60, TimeUnit.SECONDS);
                total += mine.size();
                claimed.addAll(mine);
            }
            assertThat(total).isEqualTo(500);
            assertThat(claimed).hasSize(500);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArgumentsAreTypedErrors() {
        store.transact(tx -> {
            assertThatThrownBy(() -> tx.outbox().claim(" ", 1, NOW, LEASE)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> tx.outbox().claim("w", 0, NOW, LEASE)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> tx.outbox().claim("w", 1, NOW, Duration.ZERO)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> tx.outbox().markFailed("x", "w", "e", null, false)).isInstanceOf(ValidationException.class);
            assertThat(tx.outbox().markDelivered("unknown", "w", NOW)).isFalse();
            return null;
        });
    }

    private List<OutboxEntry> pending() {
        return run(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(10)).items());
    }

    private boolean flag(TransactionWork<Boolean> work) {
        return store.transact(work);
    }

    private List<OutboxEntry> entries(TransactionWork<List<OutboxEntry>> work) {
        return store.transact(work);
    }

    private <T> T run(TransactionWork<T> work) {
        return store.transact(work);
    }
}
