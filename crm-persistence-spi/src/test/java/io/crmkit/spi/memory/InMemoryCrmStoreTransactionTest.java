package io.crmkit.spi.memory;

import static io.crmkit.spi.memory.Fixtures.CONTEXT;
import static io.crmkit.spi.memory.Fixtures.NOW;
import static io.crmkit.spi.memory.Fixtures.OTHER_TENANT;
import static io.crmkit.spi.memory.Fixtures.TENANT;
import static io.crmkit.spi.memory.Fixtures.account;
import static io.crmkit.spi.memory.Fixtures.logEntry;
import static io.crmkit.spi.memory.Fixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.account.AccountStore;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What is specific to the in-memory store's transactions: write sets, rollback, retries, nesting, closing. */
class InMemoryCrmStoreTransactionTest {
    private static final RecordRef A1 = new RecordRef(RecordType.ACCOUNT, "a1");

    private final InMemoryCrmStore store = Fixtures.store();

    @Test
    void aUnitOfWorkThatThrowsHalfWayLeavesNoRecordNoChangeLogEntryAndNoOutboxEntry() {
        store.transact(tx -> tx.accounts().insert(account("a0")));
        RuleViolationException failure = new RuleViolationException("test.half-way", null, "fails after writing");

        Throwable thrown = catchThrowable(() -> store.transact(tx -> {
            tx.accounts().insert(account("a1"));
            Account a0 = tx.accounts().get(TENANT, AccountId.of("a0"));
            tx.accounts().update(a0.toBuilder().name("renamed").build());
            tx.changeLog().append(logEntry("c1", "a1", NOW));
            tx.outbox().append(notification("k1"));
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        store.transact(tx -> {
            assertThat(tx.accounts().find(TENANT, AccountId.of("a1"))).isEmpty();
            Account a0 = tx.accounts().get(TENANT, AccountId.of("a0"));
            assertThat(a0.name()).isEqualTo("Account a0");
            assertThat(a0.version()).isEqualTo(1);
            assertThat(tx.accounts().count(TENANT, null, CONTEXT)).isEqualTo(1);
            assertThat(tx.changeLog().ofRecord(TENANT, A1, PageRequest.first(10)).items()).isEmpty();
            assertThat(tx.outbox().list(TENANT, OutboxStatus.PENDING, PageRequest.first(10)).items()).isEmpty();
            assertThat(tx.outbox().claim("w", 10, NOW.plusSeconds(60), java.time.Duration.ofMinutes(1))).isEmpty();
            return null;
        });
        // The deduplication key died with the rollback too: appending it again makes a new entry.
        OutboxEntry again = store.transact(tx -> tx.outbox().append(notification("k1")));
        assertThat(again.status()).isEqualTo(OutboxStatus.PENDING);
        // And the id of the rolled-back record is free again.
        assertThat(store.transact(tx -> tx.accounts().insert(account("a1"))).version()).isEqualTo(1);
    }

    @Test
    void ownWritesAreVisibleInsideTheTransactionAndInvisibleToOthersUntilCommit() {
        store.transact(tx -> {
            AccountStore accounts = tx.accounts();
            accounts.insert(account("a1"));
            accounts.insert(account("a2"));
            assertThat(accounts.find(TENANT, AccountId.of("a1"))).isPresent();
            assertThat(accounts.count(TENANT, null, CONTEXT)).isEqualTo(2);
            assertThat(accounts.list(TENANT, PageRequest.first(10)).items()).extracting(Account::id)
                    .containsExactly(AccountId.of("a1"), AccountId.of("a2"));
            tx.changeLog().append(logEntry("c1", "a1", NOW));
            assertThat(tx.changeLog().ofRecord(TENANT, A1, PageRequest.first(10)).items()).hasSize(1);

            // An independent transaction (nested: REQUIRES_NEW) sees only committed state.
            long seenOutside = store.transact(inner -> inner.accounts().count(TENANT, null, CONTEXT)
                    + inner.changeLog().ofRecord(TENANT, A1, PageRequest.first(10)).items().size());
            assertThat(seenOutside).isZero();
            return null;
        });
        assertThat(countAccounts(store)).isEqualTo(2);
    }

    @Test
    void anotherThreadWaitsForTheUnitOfWorkAndThenSeesAllOfIt() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readerStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> store.transact(tx -> {
                tx.accounts().insert(account("a1"));
                written.countDown();
                await(readerStarted);
                tx.accounts().insert(account("a2"));
                return null;
            }));
            written.await();
            Future<Long> reader = pool.submit(() -> {
                readerStarted.countDown();
                return store.transact(tx -> tx.accounts().count(TENANT, null, CONTEXT));
            });
            writer.get(10, TimeUnit.SECONDS);
            // Serialised: the reader saw either nothing or both inserts, never one of them.
            assertThat(reader.get(10, TimeUnit.SECONDS)).isIn(0L, 2L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryableErrorIsRetriedUpToTheBoundThenThrown() {
        InMemoryCrmStore bounded = InMemoryCrmStore.builder().clock(Fixtures.CLOCK).maxRetries(2).build();
        AtomicInteger runs = new AtomicInteger();
        ConcurrentModificationException lost = new ConcurrentModificationException("ACCOUNT", "a1", 1);

        Throwable thrown = catchThrowable(() -> bounded.transact(tx -> {
            runs.incrementAndGet();
            tx.accounts().insert(account("a" + runs.get()));
            throw lost;
        }));

        assertThat(thrown).isSameAs(lost);
        assertThat(runs).hasValue(3);
        assertThat(countAccounts(bounded)).isZero();
    }

    @Test
    void theDefaultBoundIsThreeRetries() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> store.transact(tx -> {
            runs.incrementAndGet();
            throw new StorageUnavailableException("flaky", null);
        })).isInstanceOf(StorageUnavailableException.class);
        assertThat(runs).hasValue(InMemoryCrmStore.DEFAULT_MAX_RETRIES + 1);
    }

    @Test
    void aRetryThatSucceedsReturnsItsResultAndKeepsOnlyItsOwnWrites() {
        AtomicInteger runs = new AtomicInteger();
        String result = store.transact(tx -> {
            int run = runs.incrementAndGet();
            tx.accounts().insert(account("a" + run));
            if (run < 3) {
                throw new ConcurrentModificationException("ACCOUNT", "x", 1);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(accounts(store))
                .extracting(Account::id).containsExactly(AccountId.of("a3"));
    }

    @Test
    void otherErrorsAreThrownAtOnceUnchanged() {
        AtomicInteger runs = new AtomicInteger();
        ValidationException invalid = ValidationException.of("name", io.crmkit.core.error.ErrorCode.FIELD_REQUIRED);
        assertThat(catchThrowable(() -> store.transact(tx -> {
            runs.incrementAndGet();
            throw invalid;
        }))).isSameAs(invalid);
        assertThat(runs).hasValue(1);

        IllegalStateException foreign = new IllegalStateException("a host's own bug");
        assertThat(catchThrowable(() -> store.transact(tx -> {
            runs.incrementAndGet();
            throw foreign;
        }))).isSameAs(foreign);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aTransactionOrItsStoresUsedAfterTheWorkEndedAreRejected() {
        AtomicReference<Transaction> kept = new AtomicReference<>();
        AtomicReference<AccountStore> keptStore = new AtomicReference<>();
        store.transact(tx -> {
            kept.set(tx);
            keptStore.set(tx.accounts());
            return null;
        });

        assertThatThrownBy(() -> kept.get().accounts()).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("transaction.closed"));
        assertThatThrownBy(() -> keptStore.get().insert(account("a1"))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> kept.get().lock("k")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> kept.get().outbox()).isInstanceOf(RuleViolationException.class);
        assertThat(countAccounts(store)).isZero();
    }

    @Test
    void aTransactionIsRejectedFromAnotherThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Throwable fromOtherThread = store.transact(tx -> {
                try {
                    return other.submit(() -> catchThrowable(() -> tx.accounts().insert(account("a1"))))
                            .get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(fromOtherThread).isInstanceOfSatisfying(RuleViolationException.class,
                    e -> assertThat(e.rule()).isEqualTo("transaction.other-thread"));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aNestedTransactionCommitsOnItsOwnAndAConflictingOuterWriteIsRetried() {
        store.transact(tx -> tx.accounts().insert(account("a1")));
        AtomicInteger outerRuns = new AtomicInteger();

        Account result = store.transact(tx -> {
            int run = outerRuns.incrementAndGet();
            Account read = tx.accounts().get(TENANT, AccountId.of("a1"));
            Account mine = tx.accounts().update(read.toBuilder().name("outer " + run).build());
            if (run == 1) {
                store.transact(inner -> inner.accounts().update(
                        inner.accounts().get(TENANT, AccountId.of("a1")).toBuilder().name("inner").build()));
            }
            return mine;
        });

        assertThat(outerRuns).hasValue(2);
        assertThat(result.name()).isEqualTo("outer 2");
        Account stored = store.transact(tx -> tx.accounts().get(TENANT, AccountId.of("a1")));
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.name()).isEqualTo("outer 2");
    }

    @Test
    void aNestedTransactionThatFailsLeavesTheOuterOneIntact() {
        store.transact(tx -> {
            tx.accounts().insert(account("a1"));
            assertThatThrownBy(() -> store.transact(inner -> {
                inner.accounts().insert(account("a2"));
                throw new RuleViolationException("test.inner", null, "inner fails");
            })).isInstanceOf(RuleViolationException.class);
            return null;
        });
        assertThat(accounts(store))
                .extracting(Account::id).containsExactly(AccountId.of("a1"));
    }

    @Test
    void versionsIdsAndTenantsAreEnforced() {
        Account stored = store.transact(tx -> tx.accounts().insert(account("a1")));
        assertThat(stored.version()).isEqualTo(1);

        assertThatThrownBy(() -> store.transact(tx -> tx.accounts().insert(stored)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.transact(tx -> tx.accounts().insert(account("a1"))))
                .isInstanceOf(DuplicateRecordException.class);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.accounts().insert(account("a2"));
            return tx.accounts().insert(account("a2"));
        })).isInstanceOf(DuplicateRecordException.class);

        Account updated = store.transact(tx -> tx.accounts().update(stored.toBuilder().name("v2").build()));
        assertThat(updated.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.transact(tx -> tx.accounts().update(stored.toBuilder().name("stale").build())))
                .isInstanceOfSatisfying(ConcurrentModificationException.class,
                        e -> assertThat(e.arguments()).containsExactly("ACCOUNT", "a1", 1L));
        assertThatThrownBy(() -> store.transact(tx -> tx.accounts().update(account("missing").toBuilder().version(1).build())))
                .isInstanceOf(NotFoundException.class);
        // The same id in another tenant is another record: invisible, not updatable.
        Account foreign = account(OTHER_TENANT, "a1", "A").toBuilder().version(2).build();
        assertThatThrownBy(() -> store.transact(tx -> tx.accounts().update(foreign))).isInstanceOf(NotFoundException.class);
        assertThat(store.<Optional<Account>>transact(tx -> tx.accounts().find(OTHER_TENANT, AccountId.of("a1")))).isEmpty();

        assertThatThrownBy(() -> store.transact(tx -> {
            tx.accounts().delete(TENANT, AccountId.of("a1"), 1);
            return null;
        })).isInstanceOf(ConcurrentModificationException.class);
        store.transact(tx -> {
            tx.accounts().delete(TENANT, AccountId.of("a1"), 2);
            assertThat(tx.accounts().find(TENANT, AccountId.of("a1"))).isEmpty();
            return null;
        });
        assertThat(store.<Optional<Account>>transact(tx -> tx.accounts().find(TENANT, AccountId.of("a1")))).isEmpty();
    }

    @Test
    void lockValidatesItsKey() {
        store.transact(tx -> {
            tx.lock("pool:P1:member:U7");
            tx.lock("k".repeat(200));
            assertThatThrownBy(() -> tx.lock("")).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> tx.lock(null)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> tx.lock("k".repeat(201))).isInstanceOf(ValidationException.class);
            return null;
        });
    }

    @Test
    void pagesMixCommittedRowsWithTheTransactionsOwnWritesWithoutRepeatsOrGaps() {
        store.transact(tx -> {
            for (String id : List.of("a1", "a3", "a5", "a7", "a9")) {
                tx.accounts().insert(account(id));
            }
            return null;
        });
        List<String> seen = store.transact(tx -> {
            tx.accounts().insert(account("a2"));
            tx.accounts().insert(account("a8"));
            tx.accounts().delete(TENANT, AccountId.of("a5"), 1);
            tx.accounts().update(tx.accounts().get(TENANT, AccountId.of("a7")).toBuilder().name("changed").build());
            List<String> ids = new ArrayList<>();
            PageRequest page = PageRequest.first(2);
            while (true) {
                var result = tx.accounts().list(TENANT, page);
                result.items().forEach(a -> ids.add(a.id().value()));
                if (!result.hasNext()) {
                    return ids;
                }
                page = page.next(result);
            }
        });
        assertThat(seen).containsExactly("a1", "a2", "a3", "a7", "a8", "a9");
    }

    @Test
    void concurrentReadModifyWriteUnitsOfWorkLoseNoUpdate() throws Exception {
        store.transact(tx -> tx.accounts().insert(account(TENANT, "a1", "0")));
        int threads = 8;
        int updatesEach = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    await(start);
                    for (int i = 0; i < updatesEach; i++) {
                        store.transact(tx -> {
                            Account a = tx.accounts().get(TENANT, AccountId.of("a1"));
                            int n = Integer.parseInt(a.level());
                            return tx.accounts().update(a.toBuilder().level(Integer.toString(n + 1)).build());
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Account a1 = store.transact(tx -> tx.accounts().get(TENANT, AccountId.of("a1")));
        assertThat(a1.level()).isEqualTo(Integer.toString(threads * updatesEach));
        assertThat(a1.version()).isEqualTo(1 + threads * updatesEach);
    }

    @Test
    void theBuilderSaysWhatIsMissing() {
        assertThatThrownBy(() -> InMemoryCrmStore.builder().build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> InMemoryCrmStore.builder().clock(Fixtures.CLOCK).idGenerator(() -> "x").build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> InMemoryCrmStore.builder().clock(Fixtures.CLOCK).maxRetries(-1).build())
                .isInstanceOf(ValidationException.class);
        InMemoryCrmStore custom = InMemoryCrmStore.builder().idGenerator(new java.util.function.Supplier<String>() {
            private int next;

            @Override
            public String get() {
                return "id" + (next++);
            }
        }::get).build();
        assertThat(custom.<AccountId>transact(tx -> tx.accounts().nextId())).isEqualTo(AccountId.of("id0"));
        assertThat(custom.ids().nextId()).isEqualTo("id1");
    }

    private static long countAccounts(InMemoryCrmStore store) {
        return store.transact(tx -> tx.accounts().count(TENANT, null, CONTEXT));
    }

    private static List<Account> accounts(InMemoryCrmStore store) {
        return store.transact(tx -> tx.accounts().list(TENANT, PageRequest.first(10)).items());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
