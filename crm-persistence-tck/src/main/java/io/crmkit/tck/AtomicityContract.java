package io.crmkit.tck;

import static io.crmkit.tck.TckSupport.inTx;
import static io.crmkit.tck.TckSupport.maybe;
import static io.crmkit.tck.TckSupport.read;
import static io.crmkit.tck.TckSupport.readLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import io.crmkit.spi.query.ChangeLogQuery;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Unit-of-work atomicity: a work that throws leaves nothing behind (no record, no change-log entry,
 * no outbox entry), a retryable failure re-runs the work and commits its writes exactly once, any
 * other failure is not retried and reaches the caller unchanged, and a transaction sees its own
 * writes before it commits.
 */
public interface AtomicityContract extends StoreUnderTest {

    /**
     * The "must show": a unit of work that inserts an account, appends its change-log entry and
     * an outbox notification, then throws, leaves no account, no change-log entry and no outbox entry.
     */
    @Test
    default void aUnitOfWorkThatThrowsHalfWayLeavesNoRecordNoChangeLogEntryAndNoOutboxEntry() {
        TenantId tenant = TckFixtures.newTenant();
        AtomicReference<Account> written = new AtomicReference<>();
        AtomicReference<OutboxEntry> appended = new AtomicReference<>();
        DeliberateFailure failure = new DeliberateFailure("thrown half-way through the unit of work");

        Throwable thrown = catchThrowable(() -> store().transact(tx -> {
            Account account = tx.accounts().insert(TckFixtures.account(tx, tenant).build());
            written.set(account);
            RecordRef ref = RecordRef.of(RecordType.ACCOUNT, account.id());
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, tenant, ref).action("account.create").build());
            appended.set(tx.outbox().append(TckFixtures.notification(tenant, ref, "created-" + account.id().value())));
            throw failure;
        }));

        assertThat(thrown).as("what transact threw").isSameAs(failure);
        Account account = written.get();
        RecordRef ref = RecordRef.of(RecordType.ACCOUNT, account.id());
        assertThat(maybe(store(), tx -> tx.accounts().find(tenant, account.id()))).as("the account").isEmpty();
        assertThat(readLong(store(), tx -> tx.accounts().count(tenant, null, TckFixtures.context())))
                .as("accounts of the tenant").isZero();
        assertThat(read(store(), tx -> tx.changeLog().ofRecord(tenant, ref, PageRequest.first(10))).items())
                .as("change-log entries of the account").isEmpty();
        assertThat(readLong(store(), tx -> tx.changeLog().count(tenant, atomicityWholeDay("account.create"))))
                .as("change-log count").isZero();
        for (OutboxStatus status : OutboxStatus.values()) {
            assertThat(read(store(), tx -> tx.outbox().list(tenant, status, PageRequest.first(10))).items())
                    .as("outbox entries in " + status).isEmpty();
        }
        // Appending the same key again must make a new entry: the rolled-back one is gone in every status.
        OutboxEntry again = read(store(), tx -> tx.outbox().append(appended.get().notification()));
        assertThat(again.id()).isNotEqualTo(appended.get().id());
    }

    /**
     * A work that fails with a retryable ConcurrentModificationException on its first run only is run
     * again, and its writes (record, change-log entry, outbox entry) are committed exactly once.
     */
    @Test
    default void aRetryableFailureRerunsTheWorkAndCommitsItsWritesExactlyOnce() {
        TenantId tenant = TckFixtures.newTenant();
        Account account = read(store(), tx -> TckFixtures.account(tx, tenant).build());
        RecordRef ref = RecordRef.of(RecordType.ACCOUNT, account.id());
        AtomicInteger runs = new AtomicInteger();

        Account result = store().transact(tx -> {
            int run = runs.incrementAndGet();
            Account inserted = tx.accounts().insert(account);
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, tenant, ref).action("account.create").build());
            tx.outbox().append(TckFixtures.notification(tenant, ref, "created-" + account.id().value()));
            if (run == 1) {
                throw new ConcurrentModificationException("ACCOUNT", account.id().value(), 0);
            }
            return inserted;
        });

        assertThat(runs.get()).as("runs of the work").isEqualTo(2);
        assertThat(result.version()).isEqualTo(1);
        assertThat(maybe(store(), tx -> tx.accounts().find(tenant, account.id())))
                .contains(account.toBuilder().version(1).build());
        assertThat(readLong(store(), tx -> tx.accounts().count(tenant, null, TckFixtures.context()))).isEqualTo(1);
        Page<ChangeLogEntry> entries = read(store(), tx -> tx.changeLog().ofRecord(tenant, ref, PageRequest.first(10)));
        assertThat(entries.items()).as("change-log entries").hasSize(1);
        assertThat(read(store(), tx -> tx.outbox().list(tenant, OutboxStatus.PENDING, PageRequest.first(10))).items())
                .as("outbox entries").hasSize(1);
    }

    /** A failure that is not retryable is thrown at once, unchanged, after exactly one run of the work. */
    @Test
    default void aNonRetryableFailureIsNotRetriedAndPropagatesUnchanged() {
        TenantId tenant = TckFixtures.newTenant();
        AtomicInteger runs = new AtomicInteger();
        ValidationException invalid = ValidationException.of("name", ErrorCode.FIELD_REQUIRED);
        assertThat(invalid.isRetryable()).isFalse();

        Throwable thrown = catchThrowable(() -> store().transact(tx -> {
            runs.incrementAndGet();
            tx.accounts().insert(TckFixtures.account(tx, tenant).build());
            throw invalid;
        }));
        assertThat(thrown).isSameAs(invalid);
        assertThat(runs.get()).as("runs of a work failing with a CrmException that is not retryable").isEqualTo(1);

        DeliberateFailure plain = new DeliberateFailure("not a CrmException at all");
        AtomicInteger plainRuns = new AtomicInteger();
        assertThatThrownBy(() -> store().transact(tx -> {
            plainRuns.incrementAndGet();
            throw plain;
        })).isSameAs(plain);
        assertThat(plainRuns.get()).as("runs of a work failing with a plain exception").isEqualTo(1);

        assertThat(readLong(store(), tx -> tx.accounts().count(tenant, null, TckFixtures.context()))).isZero();
    }

    /** Inside one transaction every read sees that transaction's own writes, before it commits. */
    @Test
    default void aTransactionSeesItsOwnWritesBeforeItCommits() {
        TenantId tenant = TckFixtures.newTenant();
        inTx(store(), tx -> {
            Account inserted = tx.accounts().insert(TckFixtures.account(tx, tenant).build());
            assertThat(tx.accounts().find(tenant, inserted.id())).as("find after insert").contains(inserted);
            assertThat(tx.accounts().count(tenant, null, TckFixtures.context())).as("count after insert").isEqualTo(1);
            assertThat(tx.accounts().list(tenant, PageRequest.first(10)).items()).as("list after insert")
                    .containsExactly(inserted);

            Account updated = tx.accounts().update(inserted.toBuilder().phone("021-1").build());
            assertThat(updated.version()).isEqualTo(2);
            assertThat(tx.accounts().get(tenant, inserted.id())).as("get after update").isEqualTo(updated);

            RecordRef ref = RecordRef.of(RecordType.ACCOUNT, inserted.id());
            ChangeLogEntry entry = TckFixtures.changeLogEntry(tx, tenant, ref).build();
            tx.changeLog().append(entry);
            assertThat(tx.changeLog().ofRecord(tenant, ref, PageRequest.first(10)).items()).containsExactly(entry);

            OutboxEntry outboxEntry = tx.outbox().append(TckFixtures.notification(tenant, ref, "own-writes"));
            assertThat(tx.outbox().list(tenant, OutboxStatus.PENDING, PageRequest.first(10)).items())
                    .extracting(OutboxEntry::id).containsExactly(outboxEntry.id());

            tx.accounts().delete(tenant, inserted.id(), updated.version());
            assertThat(tx.accounts().find(tenant, inserted.id())).as("find after delete").isEmpty();
        });
        assertThat(readLong(store(), tx -> tx.accounts().count(tenant, null, TckFixtures.context()))).isZero();
    }

    private static ChangeLogQuery atomicityWholeDay(String action) {
        return new ChangeLogQuery(action, null, null, null,
                TckFixtures.BASE.minus(Duration.ofDays(1)), TckFixtures.BASE.plus(Duration.ofDays(1)));
    }
}
