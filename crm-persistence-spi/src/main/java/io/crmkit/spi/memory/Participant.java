package io.crmkit.spi.memory;

/** A part of a transaction that holds writes: checked, then applied, at commit. */
interface Participant {
    /**
     * Checks that the committed rows this transaction wrote are still the ones it read; throws a
     * retryable {@link io.crmkit.core.error.ConcurrentModificationException} otherwise. Writes nothing.
     */
    void validate();

    /** Applies the writes to the committed state; called only after every participant validated. */
    void apply();
}
