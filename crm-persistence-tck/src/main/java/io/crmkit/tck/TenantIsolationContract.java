package io.crmkit.tck;

import static io.crmkit.tck.TckSupport.inTx;
import static io.crmkit.tck.TckSupport.maybe;
import static io.crmkit.tck.TckSupport.read;
import static io.crmkit.tck.TckSupport.readLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.outbox.OutboxEntry;
import io.crmkit.spi.outbox.OutboxStatus;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.ChangeLogQuery;
import io.crmkit.spi.query.Grouping;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tenant isolation: no read, list, query, count, aggregate, update or delete of one tenant ever
 * reaches another tenant's records, the same id may live in two tenants independently, and the change
 * log and outbox show each tenant only its own entries.
 */
public interface TenantIsolationContract extends StoreUnderTest {

    /**
     * A second tenant may hold a record with the same id as the first; the two never affect each other.
     */
    @Test
    default void theSameIdInTwoTenantsIsTwoIndependentRecords() {
        TenantId a = TckFixtures.newTenant();
        TenantId b = TckFixtures.newTenant();
        Account inA = read(store(), tx -> tx.accounts().insert(TckFixtures.account(tx, a).build()));
        Account twin = inA.toBuilder().tenantId(b).name("Twin in B").phone("010-1").version(0).build();

        Account inB = read(store(), tx -> tx.accounts().insert(twin));
        assertThat(inB).isEqualTo(twin.toBuilder().version(1).build());

        Account bChanged = read(store(), tx -> tx.accounts().update(inB.toBuilder().phone("010-2").build()));
        inTx(store(), tx -> tx.accounts().delete(b, inB.id(), bChanged.version()));

        assertThat(maybe(store(), tx -> tx.accounts().find(a, inA.id()))).as("A's record").contains(inA);
        assertThat(maybe(store(), tx -> tx.accounts().find(b, inA.id()))).as("B's record after delete").isEmpty();
    }

    /** Tenant B can neither find, get, list, query, count nor aggregate tenant A's accounts. */
    @Test
    default void anotherTenantCannotReadListQueryCountOrAggregateRecords() {
        TenantId a = TckFixtures.newTenant();
        TenantId b = TckFixtures.newTenant();
        List<Account> ofA = isolationAccounts(a, 5);
        List<Account> ofB = isolationAccounts(b, 2);
        Account target = ofA.get(0);

        assertThat(maybe(store(), tx -> tx.accounts().find(b, target.id()))).as("find").isEmpty();
        assertThatThrownBy(() -> read(store(), tx -> tx.accounts().get(b, target.id())))
                .isInstanceOf(NotFoundException.class);

        Page<Account> listed = read(store(), tx -> tx.accounts().list(b, PageRequest.first(100)));
        assertThat(listed.items()).as("list").containsExactlyInAnyOrderElementsOf(ofB);

        Condition byName = Condition.eq("name", new CustomValue.Text(target.name()));
        Page<Account> queried = read(store(), tx -> tx.accounts().query(b, byName, TckFixtures.context(),
                PageRequest.first(100)));
        assertThat(queried.items()).as("query for A's record by name").isEmpty();
        Condition everyOwned = Condition.isNotNull("owner");
        Page<Account> all = read(store(), tx -> tx.accounts().query(b, everyOwned, TckFixtures.context(),
                PageRequest.first(100)));
        assertThat(all.items()).as("query matching every record").containsExactlyInAnyOrderElementsOf(ofB);

        assertThat(readLong(store(), tx -> tx.accounts().count(b, null, TckFixtures.context()))).as("count of all")
                .isEqualTo(2);
        assertThat(readLong(store(), tx -> tx.accounts().count(b, byName, TckFixtures.context())))
                .as("count of A's record by name").isZero();
        assertThat(readLong(store(), tx -> tx.accounts().count(a, null, TckFixtures.context()))).as("A's own count")
                .isEqualTo(5);

        List<AggregateRow> total = read(store(), tx -> tx.accounts().aggregate(b, AggregateQuery.count(null),
                TckFixtures.context()));
        assertThat(total).hasSize(1);
        assertThat(total.get(0).count()).as("aggregate count of all").isEqualTo(2);
        List<AggregateRow> byOwner = read(store(), tx -> tx.accounts().aggregate(b,
                AggregateQuery.count(null, Grouping.by("owner")), TckFixtures.context()));
        assertThat(byOwner).extracting(AggregateRow::count).containsExactly(2L);
    }

    /** Tenant B can neither update nor delete tenant A's account: NotFoundException, and A's record is unchanged. */
    @Test
    default void anotherTenantCannotUpdateOrDeleteRecords() {
        TenantId a = TckFixtures.newTenant();
        TenantId b = TckFixtures.newTenant();
        Account inA = isolationAccounts(a, 1).get(0);

        Account asB = inA.toBuilder().tenantId(b).phone("999").build();
        assertThatThrownBy(() -> read(store(), tx -> tx.accounts().update(asB)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inTx(store(), tx -> tx.accounts().delete(b, inA.id(), inA.version())))
                .isInstanceOf(NotFoundException.class);

        assertThat(maybe(store(), tx -> tx.accounts().find(a, inA.id()))).contains(inA);
        assertThat(maybe(store(), tx -> tx.accounts().find(b, inA.id()))).isEmpty();
    }

    /** For every record store: another tenant's find is empty, update and delete throw NotFoundException. */
    @TestFactory
    default Stream<DynamicTest> everyStoreHidesAnotherTenantsRecords() {
        return StoreCases.all().stream().map(c -> dynamicTest(c.type().name(), () -> isolationOfStore(store(), c)));
    }

    /** The change log shows a tenant only its own entries: by record, by context, and in counts. */
    @Test
    default void changeLogNeverShowsAnotherTenantsEntries() {
        TenantId a = TckFixtures.newTenant();
        TenantId b = TckFixtures.newTenant();
        Account inA = isolationAccounts(a, 1).get(0);
        Pool pool = read(store(), tx -> tx.pools().insert(TckFixtures.pool(tx, a).build()));
        RecordRef record = RecordRef.of(RecordType.ACCOUNT, inA.id());
        RecordRef context = RecordRef.of(RecordType.POOL, pool.id());
        inTx(store(), tx -> {
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, a, record).context(context).build());
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, a, record).action("pool.claim").build());
            // B's only entry is about the same record reference, so a store that filtered by record alone would show A's.
            tx.changeLog().append(TckFixtures.changeLogEntry(tx, b, record).build());
        });

        Page<ChangeLogEntry> ofRecord = read(store(), tx -> tx.changeLog().ofRecord(b, record, PageRequest.first(100)));
        assertThat(ofRecord.items()).extracting(ChangeLogEntry::tenantId).containsExactly(b);
        Page<ChangeLogEntry> ofContext = read(store(), tx -> tx.changeLog().ofContext(b, context, PageRequest.first(100)));
        assertThat(ofContext.items()).isEmpty();
        ChangeLogQuery updates = new ChangeLogQuery("account.update", null, null, null,
                TckFixtures.BASE.minus(Duration.ofDays(1)), TckFixtures.BASE.plus(Duration.ofDays(1)));
        assertThat(readLong(store(), tx -> tx.changeLog().count(b, updates))).isEqualTo(1);
        assertThat(readLong(store(), tx -> tx.changeLog().count(a, updates))).isEqualTo(1);
        ChangeLogQuery claims = new ChangeLogQuery("pool.claim", null, null, record,
                TckFixtures.BASE.minus(Duration.ofDays(1)), TckFixtures.BASE.plus(Duration.ofDays(1)));
        assertThat(readLong(store(), tx -> tx.changeLog().count(b, claims))).isZero();
    }

    /** The outbox lists a tenant only its own entries, and the same key in two tenants is two entries. */
    @Test
    default void outboxNeverShowsAnotherTenantsEntries() {
        TenantId a = TckFixtures.newTenant();
        TenantId b = TckFixtures.newTenant();
        OutboxEntry ofA = read(store(), tx -> tx.outbox().append(TckFixtures.notification(a, "same-key")));
        OutboxEntry ofB = read(store(), tx -> tx.outbox().append(TckFixtures.notification(b, "same-key")));

        assertThat(ofB.id()).as("B's entry with A's key is B's own").isNotEqualTo(ofA.id());
        assertThat(ofB.notification().tenantId()).isEqualTo(b);
        Page<OutboxEntry> listed = read(store(), tx -> tx.outbox().list(b, OutboxStatus.PENDING, PageRequest.first(100)));
        assertThat(listed.items()).extracting(OutboxEntry::id).containsExactly(ofB.id());
    }

    private List<Account> isolationAccounts(TenantId tenant, int count) {
        return read(store(), tx -> Stream.generate(() -> tx.accounts().insert(TckFixtures.account(tx, tenant).build()))
                .limit(count).toList());
    }

    private static <T extends Aggregate<I>, I extends RecordId> void isolationOfStore(CrmStore store,
            StoreCase<T, I> c) {
        TenantId a = TckFixtures.newTenant();
        TenantId b = TckFixtures.newTenant();
        T inA = read(store, tx -> c.store().apply(tx).insert(c.fresh().apply(tx, a)));

        assertThat(maybe(store, tx -> c.store().apply(tx).find(b, inA.id()))).as("find by another tenant").isEmpty();
        T asB = c.withTenant(c.changed().apply(inA), b);
        assertThatThrownBy(() -> read(store, tx -> c.store().apply(tx).update(asB)))
                .as("update by another tenant").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inTx(store, tx -> c.store().apply(tx).delete(b, inA.id(), 1)))
                .as("delete by another tenant").isInstanceOf(NotFoundException.class);
        assertThat(read(store, tx -> c.store().apply(tx).list(b, PageRequest.first(10))).items())
                .as("list of another tenant").isEmpty();
        assertThat(readLong(store, tx -> c.store().apply(tx).count(b, null, TckFixtures.context())))
                .as("count of another tenant").isZero();

        T stored = read(store, tx -> c.store().apply(tx).get(a, inA.id()));
        assertThat(stored).as("the record in its own tenant").isEqualTo(inA);
    }
}
