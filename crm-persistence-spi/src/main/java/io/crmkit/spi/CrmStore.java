package io.crmkit.spi;

/**
 * The storage a host plugs into the library: every store, the change log and the outbox, behind
 * one transaction boundary. Implementations: the in-memory reference store
 * ({@code io.crmkit.spi.memory.InMemoryCrmStore}) and the JDBC store (crm-jdbc); a host may write
 * its own and prove it with the conformance kit (crm-persistence-tck).
 */
public interface CrmStore {
    /**
     * Runs {@code work} in one transaction and commits it when the work returns.
     *
     * <p>When the work (or the commit) fails with a {@linkplain io.crmkit.core.error.CrmException#isRetryable()
     * retryable} error (a lost optimistic race, a serialization failure, a deadlock), the
     * transaction is rolled back and the work is run again in a new one, up to the store's retry
     * bound; after that the last error is thrown. Any other exception rolls back and is rethrown at
     * once. After a rollback nothing the work wrote is visible to anyone.
     *
     * @return what the work returned
     */
    <T> T transact(TransactionWork<T> work);

    /** The generator this store makes ids with. */
    IdGenerator ids();
}
