package io.crmkit.spi;

/**
 * Work run in one {@link Transaction}. It may be run more than once (a retryable failure restarts
 * it in a fresh transaction), so it must do nothing outside the transaction that cannot be
 * repeated: no notifications sent directly (append them to the outbox), no external calls.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {
    /** Runs the work in {@code tx}; throwing rolls every write of the transaction back. */
    T run(Transaction tx);
}
