package io.crmkit.tck;

import io.crmkit.spi.CrmStore;

/**
 * What every contract of the kit needs: the store to test. A store author implements
 * {@link CrmStoreTck} (which extends this) in one test class and returns the store here.
 *
 * <h2>Rules for the store a test class supplies</h2>
 * <ul>
 *   <li><b>It may be shared.</b> {@link #store()} may return the same store to every test (one
 *       database per test run is the normal case for a SQL store), or a fresh one each time. The
 *       contracts never clean up: every test makes its own fresh, random tenants
 *       ({@link TckFixtures#newTenant()}), so tests never see each other's records, change-log
 *       entries or outbox entries, and a store that leaks data across tenants fails the kit instead
 *       of passing by accident.</li>
 *   <li><b>It must be thread-safe.</b> The concurrency contract calls it from many threads at once.</li>
 *   <li><b>The outbox is shared across tenants by design.</b> {@link io.crmkit.spi.outbox.Outbox#claim}
 *       leases due entries of every tenant, so the outbox contract claims in a loop until it holds all
 *       of its own tenant's entries and ignores the others. Run the kit's test classes one at a time
 *       against one store (JUnit's default); running them in parallel on the same store could let one
 *       test's claim lease another test's entries.</li>
 * </ul>
 */
public interface StoreUnderTest {
    /**
     * The store under test, ready to use (schema created, empty or not).
     *
     * @return the store; may be the same instance on every call
     */
    CrmStore store();
}
