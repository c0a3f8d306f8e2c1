package io.crmkit.spi.memory;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.IdGenerator;
import io.crmkit.spi.TimeOrderedIdGenerator;
import io.crmkit.spi.TransactionWork;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference {@link CrmStore}: every store, the change log and the outbox, held in memory. For
 * hosts' unit tests, samples and single-process tools; it passes the whole conformance kit
 * (crm-persistence-tck), so code proven against it behaves the same on a database store.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li><b>Serialised units of work.</b> {@link #transact} runs each unit of work while holding one
 *       store-wide fair lock, so units of work run one at a time, in arrival order: the strongest
 *       isolation there is (serialisable, and in fact serial). {@code Transaction.lock(key)}
 *       therefore only validates its key. Do not wait inside a unit of work for another thread that
 *       itself calls {@code transact}: it would wait for this one to end.</li>
 *   <li><b>All or nothing.</b> A unit of work writes to its own write set (records, change-log
 *       entries, outbox entries and changes); reads see the committed state overlaid with those
 *       writes. The write set is applied when the work returns and thrown away when it throws, so
 *       a failed unit of work leaves nothing behind and nobody ever sees half of one.</li>
 *   <li><b>Retries.</b> When the work or the commit throws a {@linkplain CrmException#isRetryable()
 *       retryable} {@link CrmException}, the work is run again in a new transaction, at most
 *       {@code maxRetries} more times (default {@value #DEFAULT_MAX_RETRIES}); then that error is
 *       thrown. Any other exception rolls back and is thrown unchanged.</li>
 *   <li><b>Nested units of work</b> ({@code transact} called from inside a work on the same thread)
 *       run as independent transactions, like {@code REQUIRES_NEW}: the inner one sees only committed
 *       state (not the outer one's pending writes) and commits or rolls back on its own. If it
 *       commits a row the outer one also wrote, the outer commit fails with a retryable
 *       {@link io.crmkit.core.error.ConcurrentModificationException} and the outer work is retried.</li>
 *   <li><b>Versions, tenants, paging, conditions</b> as {@link io.crmkit.spi.RecordStore} says.</li>
 * </ul>
 *
 * <h2>Threads and memory</h2>
 * Safe to share between threads; a {@link io.crmkit.spi.Transaction} must be used only by the
 * thread running its work and only until the work ends (a typed
 * {@link io.crmkit.core.error.RuleViolationException} with rule {@code transaction.closed}, or
 * {@code transaction.other-thread}, otherwise).
 * Records are immutable, so the store keeps the very objects written and returns them without
 * copying: memory is the records themselves plus a sorted-map entry each (about 100 bytes), so
 * 10^5 records are comfortable. Queries with a condition scan the tenant's records of that kind.
 * Nothing is persisted; the data lives as long as the store object.
 */
public final class InMemoryCrmStore implements CrmStore {
    /** How many times a unit of work is retried after a retryable failure, unless configured. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryCrmStore.class);

    private final IdGenerator ids;
    private final int maxRetries;
    // Fair: units of work run in arrival order, so none starves under contention.
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Tables tables = new Tables();

    private InMemoryCrmStore(IdGenerator ids, int maxRetries) {
        this.ids = ids;
        this.maxRetries = maxRetries;
    }

    /**
     * An empty store making {@link TimeOrderedIdGenerator time-ordered ids} from {@code clock}, with
     * the default retry bound.
     *
     * @throws ValidationException if {@code clock} is null
     */
    public static InMemoryCrmStore create(Clock clock) {
        return builder().clock(clock).build();
    }

    /** A builder for a store with another id generator or retry bound. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code work} in one transaction, as {@link CrmStore#transact} and the class documentation
     * say.
     *
     * @return what the work returned
     * @throws CrmException the work's or the commit's error: a retryable one after the last retry,
     *     any other at once; other exceptions of the work pass through unchanged
     */
    @Override
    public <T> T transact(TransactionWork<T> work) {
        Checks.required("work", work);
        for (int attempt = 0; ; attempt++) {
            lock.lock();
            MemoryTransaction tx = new MemoryTransaction(tables, ids);
            try {
                T result = work.run(tx);
                tx.commit();
                return result;
            } catch (CrmException e) {
                if (!e.isRetryable() || attempt >= maxRetries) {
                    throw e;
                }
                LOG.debug("unit of work failed retryably ({}); retry {} of {}", e.code(), attempt + 1, maxRetries);
            } finally {
                // Whatever happened, the write set dies with the transaction: that is the rollback.
                tx.close();
                lock.unlock();
            }
        }
    }

    @Override
    public IdGenerator ids() {
        return ids;
    }

    /**
     * Configures an {@link InMemoryCrmStore}. Give either a clock (ids from a
     * {@link TimeOrderedIdGenerator} over it) or an id generator, not both.
     */
    public static final class Builder {
        private Clock clock;
        private IdGenerator idGenerator;
        private int maxRetries = DEFAULT_MAX_RETRIES;

        private Builder() {}

        /** The clock new ids take their time from (it feeds the id generator only). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The generator of record and outbox ids, instead of a time-ordered one over a clock. */
        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = idGenerator;
            return this;
        }

        /** How many times a unit of work is retried after a retryable failure: 0 to 100, default 3. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The store.
         *
         * @throws ValidationException if neither or both of clock and id generator are set, or
         *     {@code maxRetries} is outside 0..100
         */
        public InMemoryCrmStore build() {
            Checks.range("maxRetries", maxRetries, 0, 100);
            if ((clock == null) == (idGenerator == null)) {
                throw ValidationException.of("clock", clock == null ? ErrorCode.FIELD_REQUIRED : ErrorCode.FIELD_INVALID,
                        "set either clock(...) (ids are then time-ordered over it) or idGenerator(...), exactly one");
            }
            return new InMemoryCrmStore(idGenerator != null ? idGenerator : new TimeOrderedIdGenerator(clock), maxRetries);
        }
    }
}
