package io.crmkit.spi.outbox;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.Violation;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.notify.Notification;
import io.crmkit.spi.notify.NotificationSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the transactional {@link Outbox} to the host's {@link NotificationSink}: every notification
 * appended by a committed unit of work reaches the sink <em>at least once</em>, failed deliveries are
 * retried with a {@link Backoff}, and an entry that keeps failing is PARKED with its last error for
 * an operator, instead of blocking or looping forever.
 *
 * <h2>How one run works</h2>
 *
 * <ol>
 *   <li>In one short transaction, {@link Outbox#claim claim} up to {@code batchSize} due entries: the
 *       store leases them to this relay's worker id until {@code now + lease}.
 *   <li>Outside any transaction, hand each to the sink, one after the other.
 *   <li>After each delivery, in its own short transaction, record the outcome:
 *       {@link Outbox#markDelivered DELIVERED}; or, if the sink threw, {@link Outbox#markFailed failed}
 *       with the exception's class and message, due again after the backoff, or PARKED when that was
 *       the {@code maxAttempts}-th failed attempt.
 * </ol>
 *
 * <p><b>Why delivery happens outside the transaction.</b> The sink talks to the outside world (mail,
 * push, chat) and may be slow or hang; holding a database transaction, its locks and a connection
 * across that would block writers and exhaust the pool, and a rollback could not take back an e-mail
 * anyway. The lease, not a transaction, is what keeps the entry to this worker while it delivers.
 *
 * <p><b>At least once, and what the sink sees.</b> If the process dies (or the store fails) after
 * the sink accepted a notification but before DELIVERED is recorded, the lease runs out and the entry
 * is delivered again, by this relay or another one, with the same
 * {@link Notification#deduplicationKey() deduplication key} (and the same content). A sink that must
 * not show a notification twice drops keys it has already accepted. A notification is never lost:
 * it leaves the outbox's PENDING state only when the sink accepted it or it was parked, and a parked
 * entry stays in the outbox for {@link Outbox#retryParked} after the cause is fixed.
 *
 * <p><b>Several relays.</b> Any number of relays, in threads of one process or on several hosts, may
 * drain the same store at once, each with its own {@code workerId}: a claim leases an entry to one
 * worker only, and outcomes are recorded only while the worker still holds the lease, so no entry is
 * delivered by two workers at the same time as long as a batch is delivered within its lease. Choose
 * the lease well above the time a whole batch takes (batch size × the sink's slowest delivery); a
 * relay does not start delivering an entry whose lease has already ended, and counts it as
 * {@linkplain RelayResult#leaseLost() lease lost}. One relay instance runs one batch at a time:
 * concurrent calls of {@link #drainOnce} on the same instance wait for each other; to deliver in
 * parallel, build one relay per thread.
 *
 * <p><b>Scheduling.</b> The library starts no threads. The host runs the relay, for example every
 * few seconds from its own scheduler (catch what it throws: a scheduled task that throws is never
 * run again):
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(store, sink, Clock.systemUTC()).build();
 * scheduler.scheduleWithFixedDelay(() -> {
 *     try {
 *         relay.drain(50);
 *     } catch (RuntimeException e) {
 *         log.warn("Outbox relay run failed; the next run retries", e);
 *     }
 * }, 0, 5, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>Instances are immutable apart from the guard that keeps one batch at a time, and thread-safe.
 */
public final class OutboxRelay {
    /** Longest error text recorded with a failed entry; longer messages are cut (the log has them whole). */
    public static final int MAX_ERROR_LENGTH = 1000;

    /** Largest batch a relay claims at once. */
    public static final int MAX_BATCH_SIZE = 1000;

    /** Most failed attempts allowed before parking; with the default backoff, about 41 days of retries. */
    public static final int MAX_ATTEMPTS = 1000;

    /** Most batches one {@link #drain} call runs, which keeps its sums well inside an int. */
    public static final int MAX_BATCHES = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final CrmStore store;
    private final NotificationSink sink;
    private final Clock clock;
    private final String workerId;
    private final int batchSize;
    private final Duration lease;
    private final int maxAttempts;
    private final Backoff backoff;
    private final ReentrantLock oneBatchAtATime = new ReentrantLock();

    private OutboxRelay(Builder builder, String workerId) {
        this.store = builder.store;
        this.sink = builder.sink;
        this.clock = builder.clock;
        this.workerId = workerId;
        this.batchSize = builder.batchSize;
        this.lease = builder.lease;
        this.maxAttempts = builder.maxAttempts;
        this.backoff = builder.backoff;
    }

    /**
     * Starts a relay configuration from the store to drain, the host's sink and the clock that
     * decides what is due.
     *
     * @throws ValidationException if any of them is null
     */
    public static Builder builder(CrmStore store, NotificationSink sink, Clock clock) {
        return new Builder(
                Checks.required("store", store), Checks.required("sink", sink), Checks.required("clock", clock));
    }

    /**
     * Claims one batch of due entries and delivers it, as described in the class documentation.
     *
     * @return what happened to each claimed entry; {@link RelayResult#NONE} when nothing was due
     * @throws io.crmkit.core.error.CrmException what the store throws when it cannot claim or record
     *     an outcome (for example {@link io.crmkit.core.error.StorageUnavailableException}); the
     *     entries of the batch whose outcome was not recorded are delivered again once their lease
     *     ends
     * @throws Error whatever {@link Error} the sink throws, unchanged, after which the same applies
     */
    public RelayResult drainOnce() {
        oneBatchAtATime.lock();
        try {
            return deliverBatch();
        } finally {
            oneBatchAtATime.unlock();
        }
    }

    /**
     * Runs {@link #drainOnce} until a batch claims nothing or {@code maxBatches} batches ran.
     *
     * @param maxBatches the most batches to run, 1 to {@value #MAX_BATCHES}; bounds the run when
     *     notifications arrive as fast as they are delivered
     * @return the sums of the batches' results
     * @throws ValidationException if {@code maxBatches} is out of range
     * @throws io.crmkit.core.error.CrmException as {@link #drainOnce}, which ends the run; batches
     *     before it stay done
     */
    public RelayResult drain(int maxBatches) {
        Checks.range("maxBatches", maxBatches, 1, MAX_BATCHES);
        RelayResult total = RelayResult.NONE;
        for (int i = 0; i < maxBatches; i++) {
            RelayResult batch = drainOnce();
            total = total.plus(batch);
            if (batch.claimed() == 0) {
                break;
            }
        }
        return total;
    }

    /** The worker id this relay leases entries under. */
    public String workerId() {
        return workerId;
    }

    private RelayResult deliverBatch() {
        Instant now = clock.instant();
        List<OutboxEntry> batch = store.transact(tx -> tx.outbox().claim(workerId, batchSize, now, lease));
        if (batch.isEmpty()) {
            return RelayResult.NONE;
        }
        int delivered = 0;
        int failed = 0;
        int parked = 0;
        int leaseLost = 0;
        for (OutboxEntry entry : batch) {
            switch (deliver(entry)) {
                case DELIVERED -> delivered++;
                case FAILED -> failed++;
                case PARKED -> parked++;
                case LEASE_LOST -> leaseLost++;
            }
        }
        return new RelayResult(batch.size(), delivered, failed, parked, leaseLost);
    }

    private Outcome deliver(OutboxEntry entry) {
        Instant leaseUntil = entry.leaseUntil();
        if (leaseUntil != null && !clock.instant().isBefore(leaseUntil)) {
            // Another worker may have claimed it meanwhile; delivering now could overlap with it.
            LOG.warn("Outbox entry {} ({}) skipped by relay worker {}: its lease ended at {} before its turn "
                            + "came; another worker delivers it. Choose a lease longer than a whole batch takes.",
                    entry.id(), entry.notification().type(), workerId, leaseUntil);
            return Outcome.LEASE_LOST;
        }
        try {
            sink.deliver(entry.notification());
        } catch (Exception e) { // Exception, not RuntimeException: a sink may sneak checked ones through
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return recordFailure(entry, e);
        }
        Instant at = clock.instant();
        boolean recorded = store.transact(tx -> tx.outbox().markDelivered(entry.id(), workerId, at));
        if (!recorded) {
            LOG.warn("Outbox entry {} ({}) was delivered by relay worker {} after its lease passed to another "
                            + "worker; it may be delivered again with the same deduplication key {}",
                    entry.id(), entry.notification().type(), workerId, entry.notification().deduplicationKey());
            return Outcome.LEASE_LOST;
        }
        return Outcome.DELIVERED;
    }

    private Outcome recordFailure(OutboxEntry entry, Exception failure) {
        int attempt = entry.attempts() + 1;
        boolean park = attempt >= maxAttempts;
        Instant retryAt = clock.instant().plus(backoff.delayAfter(attempt));
        String error = describe(failure);
        boolean recorded = store.transact(tx -> tx.outbox().markFailed(entry.id(), workerId, error, retryAt, park));
        String type = entry.notification().type();
        if (!recorded) {
            LOG.warn("Outbox entry {} ({}) failed delivery attempt {} by relay worker {}: {}; not recorded because "
                            + "the lease passed to another worker",
                    entry.id(), type, attempt, workerId, error, failure);
            return Outcome.LEASE_LOST;
        }
        if (park) {
            LOG.error("Outbox entry {} ({}) PARKED after failed delivery attempt {} of {}: {}. Fix the cause, "
                            + "then put it back with Outbox.retryParked.",
                    entry.id(), type, attempt, maxAttempts, error, failure);
            return Outcome.PARKED;
        }
        LOG.warn("Outbox entry {} ({}) failed delivery attempt {} of {}: {}; next attempt at {}",
                entry.id(), type, attempt, maxAttempts, error, retryAt, failure);
        return Outcome.FAILED;
    }

    /** Class name and message, cut to what the outbox keeps. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank()
                ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + message;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }

    private enum Outcome {
        DELIVERED,
        FAILED,
        PARKED,
        LEASE_LOST
    }

    /**
     * A relay's configuration. Every option has a default; {@link #build()} checks them all at once.
     * Not thread-safe; use it on one thread, then share the relay it builds.
     */
    public static final class Builder {
        /** Longest worker id: the store keeps it as the lease owner. */
        public static final int MAX_WORKER_ID_LENGTH = 128;

        private final CrmStore store;
        private final NotificationSink sink;
        private final Clock clock;
        private String workerId;
        private int batchSize = 100;
        private Duration lease = Duration.ofSeconds(60);
        private int maxAttempts = 10;
        private Backoff backoff = Backoff.defaults();

        private Builder(CrmStore store, NotificationSink sink, Clock clock) {
            this.store = store;
            this.sink = sink;
            this.clock = clock;
        }

        /**
         * The id the relay leases entries under; unique per running relay (two relays with the same
         * id would share leases). Default: {@code "relay-"} followed by a new id of the store's
         * {@linkplain CrmStore#ids() generator}. 1 to {@value #MAX_WORKER_ID_LENGTH} characters.
         */
        public Builder workerId(String workerId) {
            this.workerId = workerId;
            return this;
        }

        /** How many entries one run claims at most; 1 to {@value OutboxRelay#MAX_BATCH_SIZE}, default 100. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How long a claimed entry stays with this relay before another may take it over; positive,
         * default 60 seconds. Longer than the time a whole batch takes to deliver.
         */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /**
         * After how many failed attempts an entry is parked; 1 to {@value OutboxRelay#MAX_ATTEMPTS}, default
         * 10 (with the default backoff, about 8.5 minutes of retries).
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The delay before a failed entry is tried again; default {@link Backoff#defaults()}. */
        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /**
         * The relay.
         *
         * @throws ValidationException listing every invalid option (field, what is wrong, the value)
         */
        public OutboxRelay build() {
            List<Violation> violations = new ArrayList<>();
            if (workerId != null && (workerId.isBlank() || workerId.length() > MAX_WORKER_ID_LENGTH)) {
                violations.add(Violation.of("workerId", ErrorCode.FIELD_INVALID,
                        "must be 1 to " + MAX_WORKER_ID_LENGTH + " characters and not blank, but was \""
                                + workerId + "\""));
            }
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                violations.add(Violation.of("batchSize", ErrorCode.FIELD_OUT_OF_RANGE, 1, MAX_BATCH_SIZE, batchSize));
            }
            if (lease == null) {
                violations.add(Violation.of("lease", ErrorCode.FIELD_REQUIRED));
            } else if (lease.isNegative() || lease.isZero()) {
                violations.add(Violation.of("lease", ErrorCode.FIELD_NOT_POSITIVE, lease));
            }
            if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
                violations.add(Violation.of("maxAttempts", ErrorCode.FIELD_OUT_OF_RANGE, 1, MAX_ATTEMPTS, maxAttempts));
            }
            if (backoff == null) {
                violations.add(Violation.of("backoff", ErrorCode.FIELD_REQUIRED));
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            String id = workerId != null ? workerId : "relay-" + store.ids().nextId();
            return new OutboxRelay(this, id);
        }
    }
}
