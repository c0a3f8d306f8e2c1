package io.crmkit.spi.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.notify.Notification;
import io.crmkit.spi.notify.NotificationSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final TestClock clock = TestClock.at(T0);
    private final CrmStore store = InMemoryCrmStore.create(clock);

    // ---------------------------------------------------------------- plain delivery

    @Test
    void deliversEveryEntryExactlyOnceInBatchesOfAtMostBatchSize() {
        appendAll(keys("n", 250));
        RecordingSink sink = new RecordingSink();
        OutboxRelay relay = relay(sink).batchSize(100).build();

        List<RelayResult> batches = new ArrayList<>();
        RelayResult batch;
        do {
            batch = relay.drainOnce();
            batches.add(batch);
        } while (batch.claimed() > 0);

        assertThat(batches).extracting(RelayResult::claimed).containsExactly(100, 100, 50, 0);
        assertThat(batches).allMatch(b -> b.delivered() == b.claimed());
        assertThat(sink.accepted).containsOnlyKeys(keys("n", 250));
        assertThat(sink.accepted.values()).allMatch(count -> count.get() == 1);
        assertThat(entries(OutboxStatus.DELIVERED)).hasSize(250)
                .allSatisfy(e -> {
                    assertThat(e.deliveredAt()).isEqualTo(T0);
                    assertThat(e.attempts()).isZero();
                });
        assertThat(entries(OutboxStatus.PENDING)).isEmpty();

        assertThat(relay.drainOnce()).isEqualTo(RelayResult.NONE);
        assertThat(sink.calls.get()).isEqualTo(250);
    }

    @Test
    void theSinkIsCalledOutsideAnyTransactionAfterTheClaimCommitted() {
        appendAll(List.of("a", "b"));
        List<String> seenByOthers = new ArrayList<>();
        // What another unit of work sees while the sink runs: the claim, committed, and no outcome yet.
        NotificationSink inspecting = notification -> {
            OutboxEntry entry = entry(notification.deduplicationKey());
            seenByOthers.add(entry.status() + " " + entry.leaseOwner());
        };
        OutboxRelay relay = relay(inspecting).workerId("w1").build();

        assertThat(relay.drainOnce().delivered()).isEqualTo(2);
        assertThat(seenByOthers).containsExactly("PENDING w1", "PENDING w1");
    }

    @Test
    void appendingADeliveredKeyAgainNotifiesNobodyTwice() {
        appendAll(List.of("sweep:1"));
        RecordingSink sink = new RecordingSink();
        OutboxRelay relay = relay(sink).build();
        relay.drain(10);

        appendAll(List.of("sweep:1")); // the sweep ran again
        clock.advance(Duration.ofDays(1));

        assertThat(relay.drain(10)).isEqualTo(RelayResult.NONE);
        assertThat(sink.calls.get()).isEqualTo(1);
    }

    @Test
    void drainStopsAfterMaxBatchesOrAtTheFirstEmptyBatch() {
        appendAll(keys("n", 250));
        RecordingSink sink = new RecordingSink();
        OutboxRelay relay = relay(sink).batchSize(100).build();

        assertThat(relay.drain(2)).isEqualTo(new RelayResult(200, 200, 0, 0, 0));
        assertThat(relay.drain(1_000)).isEqualTo(new RelayResult(50, 50, 0, 0, 0));
        assertThat(sink.accepted).hasSize(250);
        assertThatThrownBy(() -> relay.drain(0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("maxBatches", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
    }

    @Test
    void anEntryAppendedInAFailedUnitOfWorkIsNeverDelivered() {
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.outbox().append(notification("doomed"));
            throw new IllegalStateException("the change failed half-way");
        })).isInstanceOf(IllegalStateException.class);
        RecordingSink sink = new RecordingSink();
        OutboxRelay relay = relay(sink).build();

        assertThat(relay.drain(10)).isEqualTo(RelayResult.NONE);
        clock.advance(Duration.ofDays(30));
        assertThat(relay.drain(10)).isEqualTo(RelayResult.NONE);
        assertThat(sink.calls.get()).isZero();
        for (OutboxStatus status : OutboxStatus.values()) {
            assertThat(entries(status)).isEmpty();
        }

        // The key was never taken: a later, successful unit of work may append it and it is delivered.
        appendAll(List.of("doomed"));
        assertThat(relay.drain(10).delivered()).isEqualTo(1);
        assertThat(sink.accepted).containsOnlyKeys("doomed");
    }

    // ---------------------------------------------------------------- failures, backoff, parking

    @Test
    void aFailedEntryIsRetriedOnlyAfterItsBackoffAndEndsDelivered() {
        appendAll(List.of("steady-0", "flaky-0", "steady-1", "flaky-1", "steady-2"));
        RecordingSink sink = new RecordingSink();
        NotificationSink flaky = notification -> {
            String key = notification.deduplicationKey();
            if (key.startsWith("flaky") && sink.tryOnce(key) <= 2) {
                throw new IllegalStateException("mail server busy for " + key);
            }
            sink.deliver(notification);
        };
        OutboxRelay relay = relay(flaky).backoff(Backoff.exponential(Duration.ofSeconds(10), Duration.ofHours(1)))
                .maxAttempts(5).build();

        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(5, 3, 2, 0, 0));
        assertThat(entry("flaky-0")).satisfies(e -> {
            assertThat(e.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(e.lastError()).isEqualTo("java.lang.IllegalStateException: mail server busy for flaky-0");
        });

        assertThat(relay.drainOnce()).isEqualTo(RelayResult.NONE);
        clock.advance(Duration.ofSeconds(9));
        assertThat(relay.drainOnce()).isEqualTo(RelayResult.NONE);
        clock.advance(Duration.ofSeconds(1)); // T0 + 10 s: the first backoff has passed
        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(2, 0, 2, 0, 0));
        assertThat(entry("flaky-1").attempts()).isEqualTo(2);
        assertThat(entry("flaky-1").nextAttemptAt()).isEqualTo(T0.plusSeconds(10 + 20));

        clock.advance(Duration.ofSeconds(19));
        assertThat(relay.drainOnce()).isEqualTo(RelayResult.NONE);
        clock.advance(Duration.ofSeconds(1)); // T0 + 30 s: the second, doubled backoff has passed
        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(2, 2, 0, 0, 0));

        assertThat(entries(OutboxStatus.DELIVERED)).hasSize(5);
        assertThat(entry("flaky-0").attempts()).isEqualTo(2);
        assertThat(entry("flaky-0").deliveredAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(entry("steady-0").attempts()).isZero();
        assertThat(sink.accepted.values()).allMatch(count -> count.get() == 1);
        assertThat(sink.tries("flaky-0")).isEqualTo(3);
        assertThat(sink.tries("steady-0")).isZero();
    }

    @Test
    void aPoisonEntryIsParkedAfterMaxAttemptsAndRetryParkedMakesItDeliverableAgain() {
        appendAll(List.of("poison", "healthy"));
        AtomicBoolean cured = new AtomicBoolean();
        RecordingSink sink = new RecordingSink();
        NotificationSink poisoned = notification -> {
            if (notification.deduplicationKey().equals("poison") && !cured.get()) {
                sink.tryOnce("poison");
                throw new IllegalArgumentException("template pool.recycle-warning is missing");
            }
            sink.deliver(notification);
        };
        OutboxRelay relay = relay(poisoned).maxAttempts(3).backoff(Backoff.fixed(Duration.ofSeconds(1))).build();

        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(2, 1, 1, 0, 0));
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(1, 0, 1, 0, 0));
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(1, 0, 0, 1, 0));

        String poisonId = entry("poison").id();
        assertThat(entries(OutboxStatus.PARKED)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(poisonId);
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.lastError())
                    .isEqualTo("java.lang.IllegalArgumentException: template pool.recycle-warning is missing");
        });
        clock.advance(Duration.ofDays(7));
        assertThat(relay.drain(10)).isEqualTo(RelayResult.NONE); // parked stays parked
        assertThat(sink.tries("poison")).isEqualTo(3);

        cured.set(true); // an operator fixed the template
        assertThat(store.<Boolean>transact(tx -> tx.outbox().retryParked(poisonId, clock.instant()))).isTrue();
        assertThat(entry("poison").attempts()).isZero();
        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(1, 1, 0, 0, 0));
        assertThat(entry("poison").status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(store.<Boolean>transact(tx -> tx.outbox().retryParked(poisonId, clock.instant()))).isFalse();
        assertThat(sink.accepted).containsOnlyKeys("poison", "healthy");
    }

    @Test
    void withOneAttemptTheFirstFailureParksAndAnExceptionWithoutMessageIsRecordedByItsClass() {
        appendAll(List.of("k"));
        OutboxRelay relay = relay(notification -> {
            throw new UnsupportedOperationException();
        }).maxAttempts(1).build();

        assertThat(relay.drainOnce()).isEqualTo(new RelayResult(1, 0, 0, 1, 0));
        assertThat(entry("k").status()).isEqualTo(OutboxStatus.PARKED);
        assertThat(entry("k").lastError()).isEqualTo("java.lang.UnsupportedOperationException");
    }

    @Test
    void aLongErrorMessageIsCutToWhatTheOutboxKeeps() {
        appendAll(List.of("k"));
        String huge = "x".repeat(5_000);
        OutboxRelay relay = relay(notification -> {
            throw new IllegalStateException(huge);
        }).build();

        relay.drainOnce();

        assertThat(entry("k").lastError()).hasSize(OutboxRelay.MAX_ERROR_LENGTH)
                .startsWith("java.lang.IllegalStateException: xxx").endsWith("...");
    }

    @Test
    void anErrorThrownByTheSinkPropagatesAndTheEntryIsDeliveredAfterItsLease() {
        appendAll(List.of("k"));
        OutboxRelay crashing = relay(notification -> {
            throw new SinkError();
        }).workerId("crashing").lease(Duration.ofSeconds(60)).build();

        assertThatThrownBy(crashing::drainOnce).isInstanceOf(SinkError.class);
        assertThat(entry("k").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("k").attempts()).isZero(); // an Error is not a delivery failure: nothing recorded

        RecordingSink sink = new RecordingSink();
        OutboxRelay healthy = relay(sink).workerId("healthy").build();
        assertThat(healthy.drainOnce()).isEqualTo(RelayResult.NONE);
        clock.advance(Duration.ofSeconds(61));
        assertThat(healthy.drainOnce()).isEqualTo(new RelayResult(1, 1, 0, 0, 0));
        assertThat(sink.accepted).containsOnlyKeys("k");
    }

    // ---------------------------------------------------------------- leases

    @Test
    void aClaimedEntryOfADeadWorkerWaitsForItsLeaseThenAnotherWorkerDeliversIt() {
        appendAll(List.of("a", "b"));
        // The dead worker claims and never delivers nor records anything.
        List<OutboxEntry> taken = store.transact(
                tx -> tx.outbox().claim("dead-worker", 10, clock.instant(), Duration.ofMinutes(5)));
        assertThat(taken).hasSize(2).allSatisfy(e -> {
            assertThat(e.leaseOwner()).isEqualTo("dead-worker");
            assertThat(e.leaseUntil()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        });
        RecordingSink sink = new RecordingSink();
        OutboxRelay survivor = relay(sink).workerId("survivor").build();

        assertThat(survivor.drainOnce()).isEqualTo(RelayResult.NONE);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(survivor.drainOnce()).isEqualTo(RelayResult.NONE);
        assertThat(sink.calls.get()).isZero();

        clock.advance(Duration.ofSeconds(2)); // the lease has ended
        assertThat(survivor.drainOnce()).isEqualTo(new RelayResult(2, 2, 0, 0, 0));
        assertThat(sink.accepted).containsOnlyKeys("a", "b");
        assertThat(entries(OutboxStatus.DELIVERED)).hasSize(2);

        // Were the dead worker to wake up, its outcome would not count: the lease is someone else's.
        assertThat(store.<Boolean>transact(tx -> tx.outbox().markDelivered(taken.get(0).id(), "dead-worker", clock.instant())))
                .isFalse();
    }

    @Test
    void aRelayDoesNotStartDeliveringEntriesWhoseLeaseEndedDuringItsBatch() {
        appendAll(List.of("a", "b", "c"));
        RecordingSink sink = new RecordingSink();
        // A sink so slow that the whole lease passes during the first delivery.
        NotificationSink slow = notification -> {
            clock.advance(Duration.ofSeconds(11));
            sink.deliver(notification);
        };
        OutboxRelay sluggish = relay(slow).workerId("sluggish").lease(Duration.ofSeconds(10)).build();

        RelayResult result = sluggish.drainOnce();

        assertThat(sink.calls.get()).isEqualTo(1);
        assertThat(result.claimed()).isEqualTo(3);
        assertThat(result.leaseLost()).isGreaterThanOrEqualTo(2);
        // Another worker now delivers what the sluggish one gave up (and, at least once, the first entry
        // if its outcome could not be recorded).
        OutboxRelay other = relay(sink).workerId("other").build();
        other.drain(10);
        assertThat(sink.accepted).containsOnlyKeys("a", "b", "c");
        assertThat(entries(OutboxStatus.DELIVERED)).hasSize(3);
        assertThat(sink.calls.get()).isEqualTo(3 + (result.delivered() == 1 ? 0 : 1));
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void eightRelaysDrainingTogetherDeliverEveryEntryOnceAndNeverTheSameOneConcurrently() throws Exception {
        int entries = 2_000;
        int workers = 8;
        appendAll(keys("n", entries));
        RecordingSink sink = new RecordingSink();
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RelayResult>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                OutboxRelay relay = relay(sink).workerId("worker-" + w).batchSize(25)
                        .lease(Duration.ofHours(1)).build();
                results.add(threads.submit(() -> {
                    start.await();
                    return relay.drain(OutboxRelay.MAX_BATCHES);
                }));
            }
            start.countDown();
            RelayResult total = RelayResult.NONE;
            for (Future<RelayResult> result : results) {
                total = total.plus(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(sink.overlaps.get()).isZero();
            assertThat(sink.accepted).hasSize(entries);
            assertThat(sink.accepted.values()).allMatch(count -> count.get() == 1);
            assertThat(total).isEqualTo(new RelayResult(entries, entries, 0, 0, 0));
            assertThat(entries(OutboxStatus.DELIVERED)).hasSize(entries);
            assertThat(entries(OutboxStatus.PENDING)).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void oneRelaySharedByThreadsStillDeliversEachEntryOnce() throws Exception {
        int entries = 500;
        appendAll(keys("n", entries));
        RecordingSink sink = new RecordingSink();
        OutboxRelay shared = relay(sink).batchSize(10).build();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RelayResult>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return shared.drain(OutboxRelay.MAX_BATCHES);
                }));
            }
            start.countDown();
            RelayResult total = RelayResult.NONE;
            for (Future<RelayResult> result : results) {
                total = total.plus(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(sink.overlaps.get()).isZero();
            assertThat(sink.accepted.values()).hasSize(entries).allMatch(count -> count.get() == 1);
            assertThat(total.delivered()).isEqualTo(entries);
        } finally {
            threads.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void buildRejectsEveryInvalidOptionAtOnceSayingWhatIsWrong() {
        OutboxRelay.Builder builder = relay(new RecordingSink())
                .workerId(" ").batchSize(0).lease(Duration.ZERO).maxAttempts(0).backoff(null);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).extracting(v -> v.field())
                    .containsExactly("workerId", "batchSize", "lease", "maxAttempts", "backoff");
            assertThat(e.getMessage())
                    .contains("batchSize must be between 1 and 1,000, but was 0")
                    .contains("maxAttempts must be between 1 and 1,000, but was 0")
                    .contains("lease must be greater than zero, but was PT0S")
                    .contains("backoff is required");
        });
        assertThatThrownBy(() -> relay(new RecordingSink()).maxAttempts(1001).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("maxAttempts", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThatThrownBy(() -> relay(new RecordingSink()).workerId("w".repeat(129)).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("workerId is invalid: must be 1 to 128 characters"));
        assertThatThrownBy(() -> relay(new RecordingSink()).batchSize(1001).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("batchSize", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThatThrownBy(() -> OutboxRelay.builder(store, null, clock))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("sink", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void eachRelayGetsItsOwnDefaultWorkerId() {
        OutboxRelay one = relay(new RecordingSink()).build();
        OutboxRelay two = relay(new RecordingSink()).build();

        assertThat(one.workerId()).startsWith("relay-");
        assertThat(two.workerId()).startsWith("relay-").isNotEqualTo(one.workerId());
        assertThat(relay(new RecordingSink()).workerId("billing-relay-1").build().workerId())
                .isEqualTo("billing-relay-1");
    }

    // ---------------------------------------------------------------- helpers

    private OutboxRelay.Builder relay(NotificationSink sink) {
        return OutboxRelay.builder(store, sink, clock);
    }

    private static List<String> keys(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + ":" + i).collect(Collectors.toList());
    }

    private Notification notification(String key) {
        return new Notification(TENANT, Set.of(UserId.of("u1")), "test.ping", null, Map.of("key", key), key,
                clock.instant());
    }

    private void appendAll(List<String> keys) {
        store.transact(tx -> {
            keys.forEach(key -> tx.outbox().append(notification(key)));
            return null;
        });
    }

    private List<OutboxEntry> entries(OutboxStatus status) {
        return store.transact(tx -> {
            List<OutboxEntry> all = new ArrayList<>();
            Page<OutboxEntry> page = tx.outbox().list(TENANT, status, PageRequest.first(PageRequest.MAX_LIMIT));
            all.addAll(page.items());
            while (page.hasNext()) {
                page = tx.outbox().list(TENANT, status, PageRequest.first(PageRequest.MAX_LIMIT).next(page));
                all.addAll(page.items());
            }
            return all;
        });
    }

    private OutboxEntry entry(String key) {
        List<OutboxEntry> found = new ArrayList<>();
        for (OutboxStatus status : OutboxStatus.values()) {
            entries(status).stream()
                    .filter(e -> e.notification().deduplicationKey().equals(key))
                    .forEach(found::add);
        }
        assertThat(found).as("entries with key %s", key).hasSize(1);
        return found.get(0);
    }

    /**
     * Counts what it accepted per deduplication key, every call, and deliveries of one key that
     * overlap in time (which leases must prevent).
     */
    private static final class RecordingSink implements NotificationSink {
        final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> tried = new ConcurrentHashMap<>();
        final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void deliver(Notification notification) {
            String key = notification.deduplicationKey();
            if (!inFlight.add(key)) {
                overlaps.incrementAndGet();
            }
            try {
                calls.incrementAndGet();
                Thread.yield(); // widen the window in which an overlapping delivery would be seen
                accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            } finally {
                inFlight.remove(key);
            }
        }

        /** Counts one more try of {@code key} by a wrapping sink; returns how many there have been. */
        int tryOnce(String key) {
            return tried.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        /** How many tries of {@code key} a wrapping sink counted. */
        int tries(String key) {
            AtomicInteger count = tried.get(key);
            return count == null ? 0 : count.get();
        }
    }

    /** An Error, which the relay must not treat as a failed delivery. */
    private static final class SinkError extends Error {
        private static final long serialVersionUID = 1L;
    }
}
