package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.spi.CrmStore;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Small helpers the contracts share. */
final class TckSupport {
    /** More pages than any test of the kit reads; a cursor that never ends fails instead of looping. */
    private static final int MAX_PAGES = 100;

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

    /** Runs a count in one transaction of {@code store} (typed, so assertions pick the long overload). */
    static long readLong(CrmStore store, Function<Transaction, Long> work) {
        return store.transact(work::apply);
    }

    /** Runs a yes/no call in one transaction of {@code store} (typed, so assertions pick the boolean overload). */
    static boolean readFlag(CrmStore store, Function<Transaction, Boolean> work) {
        return store.transact(work::apply);
    }

    /** Runs a lookup in one transaction of {@code store} (typed, so assertions pick the Optional overload). */
    static <T> Optional<T> maybe(CrmStore store, Function<Transaction, Optional<T>> lookup) {
        return store.transact(lookup::apply);
    }

    /** Every page from {@code first} on, following the cursors until a page says it is the last. */
    static <T> List<Page<T>> allPages(PageRequest first, Function<PageRequest, Page<T>> reader) {
        List<Page<T>> pages = new ArrayList<>();
        PageRequest request = first;
        while (true) {
            Page<T> page = reader.apply(request);
            pages.add(page);
            if (!page.hasNext()) {
                return pages;
            }
            assertThat(pages).as("pages read (the cursor should have ended)").hasSizeLessThan(MAX_PAGES);
            request = request.next(page);
        }
    }

    /** The items of {@code pages}, in page order. */
    static <T> List<T> items(List<Page<T>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).toList();
    }
}
