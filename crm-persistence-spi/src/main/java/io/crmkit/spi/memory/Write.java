package io.crmkit.spi.memory;

/**
 * One row a transaction wrote: the committed value it started from and its new value.
 *
 * <p>{@code base} is the committed object the transaction saw when it first touched the row (null
 * when the row did not exist). Commit checks that the committed row is still that very object, which
 * only fails when a nested, independent transaction committed the row in between (everything else is
 * serialised by the store's lock); the outer unit of work is then retried.
 *
 * @param <V> the row type
 */
final class Write<V> {
    final V base;
    /** The new value; null when the transaction deleted the row. */
    V value;

    Write(V base, V value) {
        this.base = base;
        this.value = value;
    }
}
