package io.crmkit.tck;

import io.crmkit.spi.CrmStore;
import io.crmkit.spi.Transaction;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Small helpers the contracts share. */
final class TckSupport {
    private TckSupport() {}

    /** Runs {@code work} in one transaction of {@code store}, for its writes only. */
    static void inTx(CrmStore store, Consumer<Transaction> work) {
        store.transact(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Runs {@code work} in one transaction of {@code store} and returns what it returned. */
    static <T> T read(CrmStore store, Function<Transaction, T> work) {
        return store.transact(work::apply);
    }

    /** Runs a lookup in one transaction of {@code store} (typed, so assertions pick the Optional overload). */
    static <T> Optional<T> maybe(CrmStore store, Function<Transaction, Optional<T>> lookup) {
        return store.transact(lookup::apply);
    }
}
