package io.crmkit.spi;

/**
 * Makes record ids. The default ({@code TimeOrderedIdGenerator}) makes 26-character, time-ordered,
 * collision-resistant ids, so ordering by id is ordering by creation time; a host may plug in its
 * own (for example to use ids of an existing system).
 *
 * <p>Contract: ids are 1 to 64 characters of letters, digits and {@code . _ : -}; never repeated
 * by one generator; safe to call from many threads; and, for keyset paging to follow creation
 * order, increasing in {@link String#compareTo} order over time (recommended, not required).
 */
@FunctionalInterface
public interface IdGenerator {
    /** A new id. */
    String nextId();
}
