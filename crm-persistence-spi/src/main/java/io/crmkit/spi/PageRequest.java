package io.crmkit.spi;

import io.crmkit.core.internal.Checks;

/**
 * Which page of an ordered result to read: at most {@code limit} items after the position
 * {@code after}. Paging is by key (keyset), never by offset, so a page costs the same however deep
 * it is and rows inserted meanwhile never shift later pages.
 *
 * @param limit how many items at most, 1 to {@value #MAX_LIMIT}
 * @param after the {@link Page#nextCursor() cursor} of the previous page, or null for the first page;
 *     opaque: only the store that issued it understands it
 */
public record PageRequest(int limit, String after) {
    /** Largest page a store must serve. */
    public static final int MAX_LIMIT = 1000;

    /** Validates the limit. */
    public PageRequest {
        Checks.range("limit", limit, 1, MAX_LIMIT);
    }

    /** The first page of {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The page after {@code previous}, of the same size. */
    public PageRequest next(Page<?> previous) {
        return new PageRequest(limit, previous.nextCursor());
    }
}
