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
 * See {@link StoreUnderTest} for what the supplied store must allow (it may be shared between tests,
 * and must be thread-safe).
 */
public interface CrmStoreTck extends CrudContract, PagingContract, TenantIsolationContract, AtomicityContract,
        OutboxContract, ChangeLogContract, ConcurrencyContract, ConditionContract, AggregateContract,
        PaymentQueriesContract {
}
