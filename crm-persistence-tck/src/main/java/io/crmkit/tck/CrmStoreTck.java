package io.crmkit.tck;

/**
 * The whole conformance kit: every contract a {@link io.crmkit.spi.CrmStore} must pass. A store author
 * runs it with one test class that supplies the store:
 *
 * <pre>{@code
 * class MyStoreTckTest implements CrmStoreTck {
 *     public CrmStore store() { ... }
 * }
 * }</pre>
 *
 * <p>The contracts, by concern: {@link CrudContract} (insert, find, update, delete and versions, for
 * every record store), {@link PagingContract} (id order, keyset paging), {@link TenantIsolationContract},
 * {@link AtomicityContract} (a failed unit of work leaves nothing; retries), {@link OutboxContract}
 * (idempotent append, leases, parking, atomicity with the change), {@link ChangeLogContract},
 * {@link ConcurrencyContract} (racing claims and inserts on real threads), {@link ConditionContract}
 * (condition trees, every operator and empty fields), {@link AggregateContract} (set-based groups,
 * counts and sums) and {@link PaymentQueriesContract} (unique external references, due installments).
 *
 * <p>See {@link StoreUnderTest} for what the supplied store must allow (it may be shared between tests,
 * and must be thread-safe).
 */
public interface CrmStoreTck extends CrudContract, PagingContract, TenantIsolationContract, AtomicityContract,
        OutboxContract, ChangeLogContract, ConcurrencyContract, ConditionContract, AggregateContract,
        PaymentQueriesContract {
}
