package io.crmkit.spi;

import java.util.List;
import java.util.Objects;

/**
 * One page of an ordered result.
 *
 * @param items the items, in the order the query defines
 * @param nextCursor where the next page starts, or null when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /** An empty last page. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }
}
