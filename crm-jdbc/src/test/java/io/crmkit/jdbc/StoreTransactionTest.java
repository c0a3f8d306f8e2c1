package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.account.AccountStore;
import io.crmkit.tck.TckFixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The unit-of-work runtime of the JDBC store beyond what the kit checks: how failures of the database
 * itself (a commit that loses a serialization race, a dropped connection, a value that does not fit)
 * are retried or reported, that a transaction is unusable once its work ended, and that a lock really
 * is held until the transaction ends.
 */
class StoreTransactionTest {
    private static final Clock CLOCK = Clock.fixed(TckFixtures.BASE, ZoneOffset.UTC);

    private static JdbcCrmStore store(DataSource dataSource, int maxRetries) {
        return JdbcCrmStore.builder().dataSource(dataSource).dialect(Dialect.H2).schemaMode(SchemaMode.NONE)
                .clock(CLOCK).maxRetries(maxRetries).build();
    }

    private static DataSource h2WithSchema() {
        DataSource dataSource = StoreTestDatabases.h2();
        StoreTestDatabases.createSchema(dataSource, Dialect.H2, "crm_");
        return dataSource;
    }

    @Test
    void aCommitThatLosesASerializationRaceRerunsTheWorkAndCommitsOnce() {
        DataSource h2 = h2WithSchema();
        StoreFaults faults = new StoreFaults(h2).failNext("commit", "40001", 0);
        JdbcCrmStore store = store(faults.dataSource(), 5);
        TenantId tenant = TckFixtures.newTenant();
        AtomicInteger runs = new AtomicInteger();

        Account inserted = store.transact(tx -> {
            runs.incrementAndGet();
            return tx.accounts().insert(TckFixtures.account(tx, tenant).build());
        });

        assertThat(runs.get()).as("runs of the work").isEqualTo(2);
        assertThat(faults.rollbacks.get()).as("rollbacks of the failed commit").isEqualTo(1);
        JdbcCrmStore plain = store(h2, 0);
        long count = plain.transact(tx -> tx.accounts().count(tenant, null, TckFixtures.context()));
        Optional<Account> found = plain.transact(tx -> tx.accounts().find(tenant, inserted.id()));
        assertThat(count).isEqualTo(1);
        assertThat(found).contains(inserted);
    }

    @Test
    void aDeadlockOnEachTryIsThrownAsARetryableConcurrentModificationAfterTheLastRetry() {
        StoreFaults faults = new StoreFaults(h2WithSchema());
        for (int i = 0; i < 3; i++) {
            faults.failNext("commit", "40P01", 0);
        }
        JdbcCrmStore store = store(faults.dataSource(), 2);
        AtomicInteger runs = new AtomicInteger();

        Throwable thrown = catchThrowable(() -> store.transact(tx -> runs.incrementAndGet()));

        assertThat(thrown).isInstanceOf(ConcurrentModificationException.class);
        assertThat(((ConcurrentModificationException) thrown).isRetryable()).isTrue();
        assertThat(runs.get()).as("one run and two retries").isEqualTo(3);
        assertThat(faults.connectionsBorrowed.get()).as("a new connection per try").isEqualTo(3);
    }

    @Test
    void aLostConnectionIsRetriedAndReportedAsStorageUnavailable() {
        StoreFaults faults = new StoreFaults(h2WithSchema())
                .failNext("getConnection", "08001", 0)
                .failNext("getConnection", "08006", 0);
        AtomicInteger runs = new AtomicInteger();

        int run = store(faults.dataSource(), 2).transact(tx -> runs.incrementAndGet());
        assertThat(run).isEqualTo(1);
        assertThat(faults.connectionsBorrowed.get()).isEqualTo(3);

        StoreFaults down = new StoreFaults(h2WithSchema())
                .failNext("getConnection", "08001", 0)
                .failNext("getConnection", "08001", 0);
        assertThatThrownBy(() -> store(down.dataSource(), 1).transact(tx -> runs.incrementAndGet()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(java.sql.SQLException.class);
        assertThat(runs.get()).as("the work never ran without a connection").isEqualTo(1);
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsAValidationErrorAndIsNotRetried() {
        StoreFaults faults = new StoreFaults(h2WithSchema()).failNext("commit", "22001", 0);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> store(faults.dataSource(), 5).transact(tx -> runs.incrementAndGet()))
                .isInstanceOf(ValidationException.class);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(faults.rollbacks.get()).isEqualTo(1);
    }

    @Test
    void aTransactionAndItsStoresAreClosedOnceTheWorkEnds() {
        JdbcCrmStore store = store(h2WithSchema(), 0);
        TenantId tenant = TckFixtures.newTenant();
        AtomicReference<Transaction> kept = new AtomicReference<>();
        AtomicReference<AccountStore> keptStore = new AtomicReference<>();
        store.transact(tx -> {
            kept.set(tx);
            keptStore.set(tx.accounts());
            return null;
        });

        assertThatThrownBy(() -> kept.get().accounts()).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("transaction.closed"));
        assertThatThrownBy(() -> keptStore.get().count(tenant, null, TckFixtures.context()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("transaction.closed"));
        assertThatThrownBy(() -> kept.get().lock("k")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> kept.get().outbox().list(tenant, io.crmkit.spi.outbox.OutboxStatus.PENDING,
                io.crmkit.spi.PageRequest.first(1))).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aTransactionRefusesUseFromAnotherThread() throws Exception {
        JdbcCrmStore store = store(h2WithSchema(), 0);
        TenantId tenant = TckFixtures.newTenant();
        Throwable fromOtherThread = store.transact(tx -> CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> tx.accounts().count(tenant, null, TckFixtures.context()))).join());

        assertThat(fromOtherThread).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("transaction.other-thread"));
    }

    @Test
    void aLockIsHeldUntilTheTransactionEndsAndAWaitThatTimesOutIsRetryable() throws Exception {
        // H2 gives up a lock wait after LOCK_TIMEOUT ms: the second transaction cannot get the key while
        // the first one holds it, whatever the timing, because the first ends only after the second did.
        DataSource h2 = StoreTestDatabases.h2WithLockTimeout(200);
        StoreTestDatabases.createSchema(h2, Dialect.H2, "crm_");
        JdbcCrmStore store = store(h2, 0);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);

        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> store.transact(tx -> {
            tx.lock("pool:P1:member:U7");
            locked.countDown();
            await(secondDone);
            return null;
        }));
        assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
        Throwable second = catchThrowable(() -> store.transact(tx -> {
            tx.lock("pool:P1:member:U7");
            return null;
        }));
        // Another key is free meanwhile.
        String otherKey = store.transact(tx -> {
            tx.lock("pool:P1:member:U8");
            return "got it";
        });
        assertThat(otherKey).isEqualTo("got it");
        secondDone.countDown();
        holder.get(60, TimeUnit.SECONDS);

        assertThat(second).isInstanceOf(StorageUnavailableException.class);
        assertThat(((StorageUnavailableException) second).isRetryable()).isTrue();
        String afterwards = store.transact(tx -> {
            tx.lock("pool:P1:member:U7");
            return "after the holder ended";
        });
        assertThat(afterwards).isEqualTo("after the holder ended");
    }

    @Test
    void lockKeysAreValidated() {
        JdbcCrmStore store = store(h2WithSchema(), 0);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.lock(" ");
            return null;
        })).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.lock("k".repeat(201));
            return null;
        })).isInstanceOf(ValidationException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the second transaction never ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
