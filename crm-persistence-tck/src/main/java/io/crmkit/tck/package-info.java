/**
 * The conformance kit (TCK) every {@link io.crmkit.spi.CrmStore} must pass.
 *
 * <p>The contracts are JUnit 5 interfaces with default test methods, grouped by concern; each extends
 * {@link io.crmkit.tck.StoreUnderTest}. A store author runs all of them with one test class:
 *
 * <pre>{@code
 * class MyStoreTckTest implements CrmStoreTck {
 *     private static final CrmStore STORE = MyStore.create(...);
 *
 *     @Override
 *     public CrmStore store() {
 *         return STORE;
 *     }
 * }
 * }</pre>
 *
 * <p>{@link io.crmkit.tck.TckFixtures} makes valid records of every kind for the contracts and for the
 * store author's own tests. The module depends on JUnit's API and AssertJ at compile scope on purpose:
 * the contracts are shipped test code.
 */
package io.crmkit.tck;
