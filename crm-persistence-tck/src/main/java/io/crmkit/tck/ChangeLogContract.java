package io.crmkit.tck;

import static io.crmkit.tck.TckSupport.allPages;
import static io.crmkit.tck.TckSupport.inTx;
import static io.crmkit.tck.TckSupport.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.query.ChangeLogQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The change log (and pool log): append-only entries read newest first by record or by context, with
 * paging; set-based counts that match action, context, actor, record and a half-open time window
 * exactly; one entry per id and tenant.
 */
public interface ChangeLogContract extends StoreUnderTest {

    /** Entries of a record come newest first (by time, then id, both descending), page by page, as appended. */
    @Test
    default void ofRecordListsTheRecordsEntriesNewestFirstByTimeThenIdWithPaging() {
        TenantId tenant = TckFixtures.newTenant();
        RecordRef record = changeLogAccount();
        RecordRef other = changeLogAccount();
        Instant t = TckFixtures.BASE;
        // Times deliberately out of id order, with ties, so both sort keys are exercised.
        List<Instant> times = List.of(t.plusSeconds(7200), t, t.plusSeconds(3600), t.plusSeconds(3600),
                t.plusSeconds(10800), t, t.plusSeconds(3600));
        List<ChangeLogEntry> appended = read(store(), tx -> {
            List<ChangeLogEntry> entries = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                ChangeLogEntry entry = TckFixtures.changeLogEntry(tx, tenant, record).at(times.get(i))
                        .changes(List.of(FieldChange.of("level", "A", "B" + i))).reason("step " + i).build();
                tx.changeLog().append(entry);
                entries.add(entry);
            }
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, tenant, other).build());
            return entries;
        });

        List<Page<ChangeLogEntry>> pages = allPages(PageRequest.first(3),
                request -> read(store(), tx -> tx.changeLog().ofRecord(tenant, record, request)));

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 1);
        assertThat(pages.get(2).nextCursor()).isNull();
        List<ChangeLogEntry> read = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertThat(read).as("entries of the record, newest first")
                .containsExactlyElementsOf(appended.stream().sorted(changeLogNewestFirst()).toList());
    }

    /** The pool log lists only entries whose context is that pool, newest first. */
    @Test
    default void ofContextListsOnlyTheEntriesOfThatContextNewestFirst() {
        TenantId tenant = TckFixtures.newTenant();
        RecordRef pool = RecordRef.of(RecordType.POOL, read(store(), tx -> tx.pools().nextId()));
        RecordRef otherPool = RecordRef.of(RecordType.POOL, read(store(), tx -> tx.pools().nextId()));
        RecordRef leadPool = new RecordRef(RecordType.LEAD_POOL, pool.id());
        List<ChangeLogEntry> inPool = read(store(), tx -> {
            List<ChangeLogEntry> entries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ChangeLogEntry entry = TckFixtures.changeLogEntry(tx, tenant, changeLogAccount())
                        .context(pool).action("pool.claim").at(TckFixtures.BASE.plusSeconds(60L * i)).build();
                tx.changeLog().append(entry);
                entries.add(entry);
            }
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, tenant, changeLogAccount()).context(otherPool).build());
            // The same id text as a lead pool is another context.
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, tenant, changeLogAccount()).context(leadPool).build());
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, tenant, changeLogAccount()).build());
            return entries;
        });

        List<Page<ChangeLogEntry>> pages = allPages(PageRequest.first(3),
                request -> read(store(), tx -> tx.changeLog().ofContext(tenant, pool, request)));

        assertThat(pages.stream().flatMap(p -> p.items().stream()).toList())
                .containsExactlyElementsOf(inPool.stream().sorted(changeLogNewestFirst()).toList());
    }

    /**
     * count matches the action exactly, each of context, actor and record when given, and the window
     * [from, to): an entry at {@code from} counts, one at {@code to} does not.
     */
    @Test
    default void countMatchesActionContextActorRecordAndTheHalfOpenWindowExactly() {
        TenantId tenant = TckFixtures.newTenant();
        UserId u1 = TckFixtures.user("member-1");
        UserId u2 = TckFixtures.user("member-2");
        RecordRef r1 = changeLogAccount();
        RecordRef r2 = changeLogAccount();
        RecordRef p1 = RecordRef.of(RecordType.POOL, read(store(), tx -> tx.pools().nextId()));
        RecordRef p2 = RecordRef.of(RecordType.POOL, read(store(), tx -> tx.pools().nextId()));
        Instant from = TckFixtures.BASE;
        Instant to = from.plus(Duration.ofDays(1));
        String claim = "pool.claim";
        inTx(store(), tx -> {
            changeLogAppend(tx, tenant, claim, p1, u1, r1, from);                           // at from: counted
            changeLogAppend(tx, tenant, claim, p1, u1, r2, from.plusSeconds(3600));
            changeLogAppend(tx, tenant, claim, p1, u2, r1, from.plusSeconds(7200));
            changeLogAppend(tx, tenant, claim, p2, u1, r1, from.plusSeconds(10800));
            changeLogAppend(tx, tenant, claim, null, u1, r1, from.plusSeconds(14400));
            changeLogAppend(tx, tenant, "pool.return", p1, u1, r1, from.plusSeconds(18000));
            changeLogAppend(tx, tenant, "pool.claim.extra", p1, u1, r1, from.plusSeconds(19000));
            changeLogAppend(tx, tenant, claim, p1, u1, r1, to);                             // at to: not counted
            changeLogAppend(tx, tenant, claim, p1, u1, r1, from.minusMillis(1));            // before from
        });

        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, null, null, null, from, to)))
                .as("by action only").isEqualTo(5);
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, p1, null, null, from, to)))
                .as("by action and context").isEqualTo(3);
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, null, u1, null, from, to)))
                .as("by action and actor").isEqualTo(4);
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, null, null, r1, from, to)))
                .as("by action and record").isEqualTo(4);
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, p1, u1, r1, from, to)))
                .as("by everything").isEqualTo(1);
        assertThat(changeLogCount(tenant, new ChangeLogQuery("pool.return", p1, u1, r1, from, to)))
                .as("another action").isEqualTo(1);
        assertThat(changeLogCount(tenant, new ChangeLogQuery("pool", null, null, null, from, to)))
                .as("a prefix of the action").isZero();
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, p1, u1, r1, from, from.plusMillis(1))))
                .as("a window starting at an entry").isEqualTo(1);
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, p1, u1, r1, from.minusMillis(1), from)))
                .as("a window ending at an entry").isEqualTo(1);
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, p1, u1, r1, to, to.plusSeconds(1))))
                .as("the window after to").isEqualTo(1);
        assertThat(changeLogCount(tenant, new ChangeLogQuery(claim, p1, u1, r1, from.minusSeconds(1), to.plusSeconds(1))))
                .as("a window around all of them").isEqualTo(3);
    }

    /** A second entry with an id the tenant already has throws DuplicateRecordException; another tenant may use the id. */
    @Test
    default void appendOfADuplicateIdThrowsDuplicateRecord() {
        TenantId tenant = TckFixtures.newTenant();
        RecordRef record = changeLogAccount();
        ChangeLogEntry first = read(store(), tx -> TckFixtures.changeLogEntry(tx, tenant, record).build());
        inTx(store(), tx -> tx.changeLog().append(first));

        ChangeLogEntry sameId = first.toBuilder().action("account.other").at(first.at().plusSeconds(1)).build();
        assertThatThrownBy(() -> inTx(store(), tx -> tx.changeLog().append(sameId)))
                .isInstanceOf(DuplicateRecordException.class);
        assertThat(read(store(), tx -> tx.changeLog().ofRecord(tenant, record, PageRequest.first(10))).items())
                .containsExactly(first);

        TenantId other = TckFixtures.newTenant();
        ChangeLogEntry inOther = first.toBuilder().tenantId(other).build();
        inTx(store(), tx -> tx.changeLog().append(inOther));
        assertThat(read(store(), tx -> tx.changeLog().ofRecord(other, record, PageRequest.first(10))).items())
                .containsExactly(inOther);
    }

    private RecordRef changeLogAccount() {
        return RecordRef.of(RecordType.ACCOUNT, read(store(), tx -> tx.accounts().nextId()));
    }

    private long changeLogCount(TenantId tenant, ChangeLogQuery query) {
        return read(store(), tx -> tx.changeLog().count(tenant, query));
    }

    private static void changeLogAppend(Transaction tx, TenantId tenant, String action,
            RecordRef context, UserId actor, RecordRef record, Instant at) {
        tx.changeLog().append(TckFixtures.changeLogEntry(tx, tenant, record)
                .action(action).context(context).actor(actor).at(at).build());
    }

    private static Comparator<ChangeLogEntry> changeLogNewestFirst() {
        return Comparator.comparing(ChangeLogEntry::at)
                .thenComparing(e -> e.id().value())
                .reversed();
    }
}
