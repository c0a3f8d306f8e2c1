package io.crmkit.tck;

import static io.crmkit.tck.TckSupport.maybe;
import static io.crmkit.tck.TckSupport.read;
import static io.crmkit.tck.TckSupport.readFlag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.account.Account;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.notify.Notification;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox: idempotent append per tenant and key, leases that hand each due entry to
 * one worker at a time, delivery and failure marks that only the lease holder may make, parking and
 * retrying, and the atomicity of an entry with the change that caused it.
 *
 * <p>{@link io.crmkit.spi.outbox.Outbox#claim} serves every tenant, and the store may be shared with
 * other tests, so these tests claim in a loop until nothing due is left and look only at their own
 * tenant's entries (see {@link StoreUnderTest}).
 */
public interface OutboxContract extends StoreUnderTest {

    /** Append makes a PENDING entry, due at once, never tried, with no lease, holding the notification. */
    @Test
    default void appendReturnsAPendingEntryThatIsDueAndUnleased() {
        TenantId tenant = TckFixtures.newTenant();
        Notification notification = TckFixtures.notification(tenant, "first");
        OutboxEntry entry = read(store(), tx -> tx.outbox().append(notification));

        assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry.notification()).isEqualTo(notification);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.leaseOwner()).isNull();
        assertThat(entry.leaseUntil()).isNull();
        assertThat(entry.deliveredAt()).isNull();
        assertThat(entry.lastError()).isNull();
        assertThat(read(store(), tx -> tx.outbox().list(tenant, OutboxStatus.PENDING, PageRequest.first(10))).items())
                .containsExactly(entry);
    }

    /** A second append with the tenant's existing key returns the existing entry and adds nothing, in any status. */
    @Test
    default void appendWithAnExistingDeduplicationKeyReturnsTheExistingEntryAndAddsNothing() {
        TenantId tenant = TckFixtures.newTenant();
        OutboxEntry first = read(store(), tx -> tx.outbox().append(TckFixtures.notification(tenant, "sweep-1")));
        Notification sameKeyOtherText = new Notification(tenant, Set.of(TckFixtures.user("someone-else")),
                "tck.other", null, Map.of("text", "different"), "sweep-1", TckFixtures.BASE.plusSeconds(60));

        OutboxEntry second = read(store(), tx -> tx.outbox().append(sameKeyOtherText));
        OutboxEntry sameTransaction = read(store(), tx -> {
            tx.outbox().append(TckFixtures.notification(tenant, "sweep-2"));
            return tx.outbox().append(TckFixtures.notification(tenant, "sweep-2"));
        });

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.notification()).as("the existing entry's notification").isEqualTo(first.notification());
        assertThat(outboxList(tenant, OutboxStatus.PENDING)).extracting(OutboxEntry::notification)
                .extracting(Notification::deduplicationKey).containsExactlyInAnyOrder("sweep-1", "sweep-2");

        // Delivered entries keep their key too: a sweep run again after delivery notifies nobody twice.
        List<OutboxEntry> claimed = outboxDrain("dedup-worker", outboxDueAt(first, sameTransaction), tenant);
        assertThat(claimed).hasSize(2);
        for (OutboxEntry entry : claimed) {
            assertThat(readFlag(store(), tx -> tx.outbox().markDelivered(entry.id(), "dedup-worker",
                    TckFixtures.BASE))).isTrue();
        }
        OutboxEntry afterDelivery = read(store(), tx -> tx.outbox().append(TckFixtures.notification(tenant, "sweep-1")));
        assertThat(afterDelivery.id()).isEqualTo(first.id());
        assertThat(afterDelivery.status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(outboxList(tenant, OutboxStatus.PENDING)).isEmpty();
        assertThat(outboxList(tenant, OutboxStatus.DELIVERED)).hasSize(2);
    }

    /**
     * Claim leases due entries to one worker until now + lease; a second worker claiming at the same
     * instant gets none of them, and no claim returns more than its maximum.
     */
    @Test
    default void claimLeasesDueEntriesToOneWorkerAndASecondWorkerGetsNoneOfThem() {
        TenantId tenant = TckFixtures.newTenant();
        List<OutboxEntry> appended = outboxAppend(tenant, 3);
        Instant now = outboxDueAt(appended.toArray(OutboxEntry[]::new));

        List<OutboxEntry> firstTwo = read(store(), tx -> tx.outbox().claim("worker-1", 2, now, outboxLease()));
        assertThat(firstTwo).as("a claim of at most 2").hasSizeLessThanOrEqualTo(2);
        List<OutboxEntry> held = new ArrayList<>(outboxOf(tenant, firstTwo));
        held.addAll(outboxDrain("worker-1", now, tenant));

        assertThat(held).extracting(OutboxEntry::id)
                .containsExactlyInAnyOrderElementsOf(appended.stream().map(OutboxEntry::id).toList());
        assertThat(held).allSatisfy(e -> {
            assertThat(e.leaseOwner()).isEqualTo("worker-1");
            assertThat(e.leaseUntil()).isEqualTo(now.plus(outboxLease()));
            assertThat(e.status()).isEqualTo(OutboxStatus.PENDING);
        });

        assertThat(outboxDrain("worker-2", now, tenant)).as("what a second worker claims at the same instant")
                .isEmpty();
        assertThat(outboxDrain("worker-2", now.plus(outboxLease()).minusSeconds(1), tenant))
                .as("what a second worker claims just before the lease ends").isEmpty();
    }

    /** After the lease ends another worker claims the entries, and the first worker can no longer mark them. */
    @Test
    default void afterTheLeaseEndsAnotherWorkerCanClaimTheEntries() {
        TenantId tenant = TckFixtures.newTenant();
        List<OutboxEntry> appended = outboxAppend(tenant, 2);
        Instant now = outboxDueAt(appended.toArray(OutboxEntry[]::new));
        assertThat(outboxDrain("worker-1", now, tenant)).hasSize(2);

        Instant later = now.plus(outboxLease()).plusSeconds(1);
        List<OutboxEntry> takenOver = outboxDrain("worker-2", later, tenant);
        assertThat(takenOver).extracting(OutboxEntry::id)
                .containsExactlyInAnyOrderElementsOf(appended.stream().map(OutboxEntry::id).toList());
        assertThat(takenOver).allSatisfy(e -> assertThat(e.leaseOwner()).isEqualTo("worker-2"));

        String id = takenOver.get(0).id();
        assertThat(readFlag(store(), tx -> tx.outbox().markDelivered(id, "worker-1", later)))
                .as("the former lease holder's delivery mark").isFalse();
        assertThat(readFlag(store(), tx -> tx.outbox().markDelivered(id, "worker-2", later)))
                .as("the lease holder's delivery mark").isTrue();
        assertThat(outboxList(tenant, OutboxStatus.DELIVERED)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.deliveredAt()).isEqualTo(later);
        });
    }

    /** markDelivered and markFailed by a worker that does not hold the lease return false and change nothing. */
    @Test
    default void markDeliveredByAWorkerWithoutTheLeaseReturnsFalse() {
        TenantId tenant = TckFixtures.newTenant();
        OutboxEntry entry = outboxAppend(tenant, 1).get(0);
        Instant now = outboxDueAt(entry);
        OutboxEntry unleased = entry;

        assertThat(readFlag(store(), tx -> tx.outbox().markDelivered(unleased.id(), "worker-2", now)))
                .as("delivery mark on an entry nobody holds").isFalse();
        assertThat(outboxDrain("worker-1", now, tenant)).hasSize(1);
        assertThat(readFlag(store(), tx -> tx.outbox().markDelivered(unleased.id(), "worker-2", now)))
                .as("delivery mark by a worker without the lease").isFalse();
        assertThat(readFlag(store(), tx -> tx.outbox().markFailed(unleased.id(), "worker-2", "boom", now, true)))
                .as("failure mark by a worker without the lease").isFalse();
        assertThat(outboxList(tenant, OutboxStatus.PENDING)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isZero());

        assertThat(readFlag(store(), tx -> tx.outbox().markDelivered(unleased.id(), "worker-1", now))).isTrue();
        assertThat(outboxList(tenant, OutboxStatus.DELIVERED)).extracting(OutboxEntry::id).containsExactly(entry.id());
    }

    /** A failure without parking counts the attempt, keeps the error, releases the lease, and makes the entry due at the retry time. */
    @Test
    default void markFailedWithoutParkingMakesTheEntryDueAgainAtTheRetryTime() {
        TenantId tenant = TckFixtures.newTenant();
        OutboxEntry entry = outboxAppend(tenant, 1).get(0);
        Instant now = outboxDueAt(entry);
        outboxDrain("worker-1", now, tenant);
        Instant retryAt = now.plus(Duration.ofMinutes(10));

        assertThat(readFlag(store(), tx -> tx.outbox().markFailed(entry.id(), "worker-1", "sink down", retryAt, false)))
                .isTrue();
        OutboxEntry failed = outboxList(tenant, OutboxStatus.PENDING).get(0);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("sink down");
        assertThat(failed.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(failed.leaseOwner()).as("the lease after a failure").isNull();

        assertThat(outboxDrain("worker-2", retryAt.minusSeconds(1), tenant)).as("claimed before the retry time")
                .isEmpty();
        assertThat(outboxDrain("worker-2", retryAt, tenant)).as("claimed at the retry time")
                .extracting(OutboxEntry::id).containsExactly(entry.id());
    }

    /** markFailed with park parks the entry (listed as PARKED, never claimed); retryParked makes it PENDING again. */
    @Test
    default void markFailedWithParkParksTheEntryAndRetryParkedMakesItPendingAgain() {
        TenantId tenant = TckFixtures.newTenant();
        OutboxEntry entry = outboxAppend(tenant, 1).get(0);
        Instant now = outboxDueAt(entry);
        outboxDrain("worker-1", now, tenant);

        assertThat(readFlag(store(), tx -> tx.outbox().retryParked(entry.id(), now)))
                .as("retryParked of an entry that is not parked").isFalse();
        assertThat(readFlag(store(), tx -> tx.outbox().markFailed(entry.id(), "worker-1", "poison", now, true))).isTrue();
        assertThat(outboxList(tenant, OutboxStatus.PENDING)).isEmpty();
        assertThat(outboxList(tenant, OutboxStatus.PARKED)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(entry.id());
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isEqualTo("poison");
        });
        Instant muchLater = now.plus(Duration.ofDays(30));
        assertThat(outboxDrain("worker-2", muchLater, tenant)).as("a parked entry is never claimed").isEmpty();

        Instant retryAt = now.plus(Duration.ofDays(31));
        assertThat(readFlag(store(), tx -> tx.outbox().retryParked(entry.id(), retryAt))).isTrue();
        assertThat(outboxList(tenant, OutboxStatus.PARKED)).isEmpty();
        assertThat(outboxList(tenant, OutboxStatus.PENDING)).singleElement().satisfies(e -> {
            assertThat(e.attempts()).as("attempts after retryParked").isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(retryAt);
        });
        assertThat(outboxDrain("worker-3", retryAt, tenant)).extracting(OutboxEntry::id).containsExactly(entry.id());
    }

    /**
     * An outbox entry exists exactly when the transaction of its change committed: a committed work
     * leaves the change and its entry, a work that throws leaves neither.
     */
    @Test
    default void anOutboxEntryExistsExactlyWhenItsChangeCommitted() {
        TenantId tenant = TckFixtures.newTenant();
        Account account = read(store(), tx -> tx.accounts().insert(TckFixtures.account(tx, tenant).build()));
        RecordRef ref = RecordRef.of(RecordType.ACCOUNT, account.id());

        Throwable thrown = catchThrowable(() -> store().transact(tx -> {
            tx.accounts().update(account.toBuilder().level("B").build());
            tx.outbox().append(TckFixtures.notification(tenant, ref, "level-B"));
            throw new DeliberateFailure("rolled back after the change and its notification");
        }));
        assertThat(thrown).isInstanceOf(DeliberateFailure.class);
        assertThat(maybe(store(), tx -> tx.accounts().find(tenant, account.id()))).as("the change that rolled back")
                .contains(account);
        for (OutboxStatus status : OutboxStatus.values()) {
            assertThat(outboxList(tenant, status)).as("entries in " + status + " after the rollback").isEmpty();
        }

        Account committed = read(store(), tx -> {
            Account changed = tx.accounts().update(account.toBuilder().level("C").build());
            tx.outbox().append(TckFixtures.notification(tenant, ref, "level-C"));
            return changed;
        });
        assertThat(maybe(store(), tx -> tx.accounts().find(tenant, account.id()))).contains(committed);
        assertThat(outboxList(tenant, OutboxStatus.PENDING)).singleElement()
                .satisfies(e -> assertThat(e.notification().deduplicationKey()).isEqualTo("level-C"));
    }

    /** How long the tests' leases last. */
    private static Duration outboxLease() {
        return Duration.ofMinutes(5);
    }

    private List<OutboxEntry> outboxAppend(TenantId tenant, int count) {
        return read(store(), tx -> {
            List<OutboxEntry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(tx.outbox().append(TckFixtures.notification(tenant, "key-" + i)));
            }
            return entries;
        });
    }

    private List<OutboxEntry> outboxList(TenantId tenant, OutboxStatus status) {
        return read(store(), tx -> tx.outbox().list(tenant, status, PageRequest.first(100)).items());
    }

    /**
     * Claims for {@code worker} at {@code now} until no due entry is left, and returns those of
     * {@code tenant}: other tests' entries may be due as well, and claim serves every tenant.
     */
    private List<OutboxEntry> outboxDrain(String worker, Instant now, TenantId tenant) {
        List<OutboxEntry> mine = new ArrayList<>();
        for (int round = 0; round < 10_000; round++) {
            List<OutboxEntry> claimed = read(store(), tx -> tx.outbox().claim(worker, 100, now, outboxLease()));
            if (claimed.isEmpty()) {
                return mine;
            }
            mine.addAll(outboxOf(tenant, claimed));
        }
        throw new AssertionError("claim never ran out of due entries after 10000 rounds of 100");
    }

    private static List<OutboxEntry> outboxOf(TenantId tenant, List<OutboxEntry> entries) {
        return entries.stream().filter(e -> e.notification().tenantId().equals(tenant)).toList();
    }

    /** The latest instant any of {@code entries} is due at, so a claim then finds them all due. */
    private static Instant outboxDueAt(OutboxEntry... entries) {
        return Arrays.stream(entries).map(OutboxEntry::nextAttemptAt).max(Comparator.naturalOrder())
                .orElseThrow();
    }
}
