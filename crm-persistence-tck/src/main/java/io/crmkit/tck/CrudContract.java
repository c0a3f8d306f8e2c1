package io.crmkit.tck;

import static io.crmkit.tck.TckSupport.inTx;
import static io.crmkit.tck.TckSupport.maybe;
import static io.crmkit.tck.TckSupport.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordId;
import io.crmkit.spi.CrmStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * CRUD and optimistic versions, for every record store of a transaction (one dynamic test per store
 * and rule): what {@link io.crmkit.spi.RecordStore} promises about {@code insert}, {@code find},
 * {@code get}, {@code update} and {@code delete}, and that custom fields of every kind come back as
 * they were written.
 */
public interface CrudContract extends StoreUnderTest {

    /** Insert stores version 1, and find returns a value equal to the inserted one but for the version. */
    @TestFactory
    default Stream<DynamicTest> insertStoresVersionOneAndFindReturnsTheWrittenValue() {
        return everyStore(c -> crudInsertAndFind(store(), c));
    }

    /** Get of an id the tenant does not have throws NotFoundException; find returns empty. */
    @TestFactory
    default Stream<DynamicTest> getOfAMissingIdThrowsNotFound() {
        return everyStore(c -> crudGetMissing(store(), c));
    }

    /** Update carrying the read version stores version + 1 with the new values. */
    @TestFactory
    default Stream<DynamicTest> updateWithTheReadVersionStoresTheNextVersion() {
        return everyStore(c -> crudUpdate(store(), c));
    }

    /** Update carrying a version that is no longer current throws and leaves the stored value as it was. */
    @TestFactory
    default Stream<DynamicTest> updateWithAStaleVersionThrowsConcurrentModificationAndChangesNothing() {
        return everyStore(c -> crudStaleUpdate(store(), c));
    }

    /** Update of a record the tenant does not have throws NotFoundException and stores nothing. */
    @TestFactory
    default Stream<DynamicTest> updateOfAMissingRecordThrowsNotFound() {
        return everyStore(c -> crudUpdateMissing(store(), c));
    }

    /** A second insert with the same id throws DuplicateRecordException and keeps the first record. */
    @TestFactory
    default Stream<DynamicTest> insertOfADuplicateIdThrowsDuplicateRecord() {
        return everyStore(c -> crudDuplicateInsert(store(), c));
    }

    /** Insert of a record whose version is not 0 throws ValidationException and stores nothing. */
    @TestFactory
    default Stream<DynamicTest> insertWithANonZeroVersionThrowsValidation() {
        return everyStore(c -> crudInsertNonZeroVersion(store(), c));
    }

    /** Delete with a version that is not the stored one throws and keeps the record. */
    @TestFactory
    default Stream<DynamicTest> deleteWithAWrongVersionThrowsConcurrentModificationAndKeepsTheRecord() {
        return everyStore(c -> crudStaleDelete(store(), c));
    }

    /** Delete with the stored version removes the record; a second delete throws NotFoundException. */
    @TestFactory
    default Stream<DynamicTest> deleteRemovesTheRecordSoFindReturnsEmpty() {
        return everyStore(c -> crudDelete(store(), c));
    }

    /** Custom fields of every {@link CustomValue} kind come back equal, on insert and on update. */
    @Test
    default void customFieldsOfEveryKindRoundTrip() {
        TenantId tenant = TckFixtures.newTenant();
        Map<String, CustomValue> values = new LinkedHashMap<>();
        values.put("note", new CustomValue.Text("引号 \"quoted\" \\ back-slash, 'single', {json: [1]} ümlaut"));
        values.put("headcount", new CustomValue.Number(new BigDecimal("12345.678")));
        values.put("negative", new CustomValue.Number(new BigDecimal("-0.5")));
        values.put("vip", new CustomValue.Flag(true));
        values.put("lapsed", new CustomValue.Flag(false));
        values.put("foundedOn", new CustomValue.Date(LocalDate.of(1999, 12, 31)));
        values.put("lastAuditAt", new CustomValue.Timestamp(TckFixtures.BASE.plusMillis(123)));
        values.put("creditLine", new CustomValue.Amount(Money.of("99999.95", "CNY")));
        values.put("yenBudget", new CustomValue.Amount(Money.of("1200", "JPY")));
        values.put("region", new CustomValue.Choice("east"));
        values.put("channels", new CustomValue.Choices(List.of("web", "fair", "referral")));
        values.put("emptyChoices", new CustomValue.Choices(List.of()));
        CustomFields fields = CustomFields.of(values);

        Account written = read(store(), tx -> TckFixtures.account(tx, tenant).customFields(fields).build());
        Account inserted = read(store(), tx -> tx.accounts().insert(written));
        Account found = read(store(), tx -> tx.accounts().get(tenant, written.id()));
        assertThat(inserted.customFields()).isEqualTo(fields);
        assertThat(found.customFields()).isEqualTo(fields);
        assertThat(found).isEqualTo(written.toBuilder().version(1).build());

        CustomFields changed = fields.without("vip").with("region", new CustomValue.Choice("west"))
                .with("headcount", new CustomValue.Number(new BigDecimal("7")));
        inTx(store(), tx -> tx.accounts().update(found.toBuilder().customFields(changed).build()));
        Account reread = read(store(), tx -> tx.accounts().get(tenant, written.id()));
        assertThat(reread.customFields()).isEqualTo(changed);
        assertThat(reread.customFields().get("vip")).isEmpty();
        assertThat(reread.version()).isEqualTo(2);
    }

    private static Stream<DynamicTest> everyStore(Consumer<StoreCase<?, ?>> rule) {
        return StoreCases.all().stream().map(c -> dynamicTest(c.type().name(), () -> rule.accept(c)));
    }

    private static <T extends Aggregate<I>, I extends RecordId> T crudInserted(CrmStore store, StoreCase<T, I> c,
            TenantId tenant) {
        return read(store, tx -> c.store().apply(tx).insert(c.fresh().apply(tx, tenant)));
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudInsertAndFind(CrmStore store,
            StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T record = read(store, tx -> c.fresh().apply(tx, tenant));
        assertThat(record.version()).isZero();

        T inserted = read(store, tx -> c.store().apply(tx).insert(record));
        T found = maybe(store, tx -> c.store().apply(tx).find(tenant, record.id())).orElseThrow(
                () -> new AssertionError(c + " " + record.id() + " was inserted but find returned empty"));
        T got = read(store, tx -> c.store().apply(tx).get(tenant, record.id()));

        T expected = c.withVersion(record, 1);
        assertThat(inserted.version()).as("version insert returned").isEqualTo(1);
        assertThat(inserted).as("what insert returned").isEqualTo(expected);
        assertThat(found).as("what find returned").isEqualTo(expected);
        assertThat(got).as("what get returned").isEqualTo(expected);
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudGetMissing(CrmStore store,
            StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T never = read(store, tx -> c.fresh().apply(tx, tenant));
        assertThat(maybe(store, tx -> c.store().apply(tx).find(tenant, never.id()))).isEmpty();
        assertThatThrownBy(() -> read(store, tx -> c.store().apply(tx).get(tenant, never.id())))
                .isInstanceOf(NotFoundException.class);
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudUpdate(CrmStore store, StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T v1 = crudInserted(store, c, tenant);
        T change = c.changed().apply(v1);
        assertThat(change).as("the kit's change of " + c).isNotEqualTo(v1);

        T updated = read(store, tx -> c.store().apply(tx).update(change));
        T found = read(store, tx -> c.store().apply(tx).get(tenant, v1.id()));

        T expected = c.withVersion(change, 2);
        assertThat(updated.version()).as("version update returned").isEqualTo(2);
        assertThat(updated).as("what update returned").isEqualTo(expected);
        assertThat(found).as("what find returned after the update").isEqualTo(expected);
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudStaleUpdate(CrmStore store,
            StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T v1 = crudInserted(store, c, tenant);
        T v2 = read(store, tx -> c.store().apply(tx).update(c.changed().apply(v1)));

        // The version-1 value, written back by a second user who read it before the first update.
        T stale = v1;
        assertThatThrownBy(() -> read(store, tx -> c.store().apply(tx).update(stale)))
                .isInstanceOf(ConcurrentModificationException.class);
        // A version from the future is just as wrong.
        T ahead = c.withVersion(v2, 5);
        assertThatThrownBy(() -> read(store, tx -> c.store().apply(tx).update(ahead)))
                .isInstanceOf(ConcurrentModificationException.class);

        T stored = read(store, tx -> c.store().apply(tx).get(tenant, v1.id()));
        assertThat(stored).as("the stored value after lost races").isEqualTo(v2);
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudUpdateMissing(CrmStore store,
            StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T never = read(store, tx -> c.withVersion(c.fresh().apply(tx, tenant), 1));
        assertThatThrownBy(() -> read(store, tx -> c.store().apply(tx).update(never)))
                .isInstanceOf(NotFoundException.class);
        assertThat(maybe(store, tx -> c.store().apply(tx).find(tenant, never.id()))).isEmpty();
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudDuplicateInsert(CrmStore store,
            StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T first = crudInserted(store, c, tenant);
        T second = read(store, tx -> c.withId(c.changed().apply(c.fresh().apply(tx, tenant)), first.id()));
        assertThatThrownBy(() -> read(store, tx -> c.store().apply(tx).insert(second)))
                .isInstanceOf(DuplicateRecordException.class);
        T stored = read(store, tx -> c.store().apply(tx).get(tenant, first.id()));
        assertThat(stored).as("the first record after the duplicate insert").isEqualTo(first);
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudInsertNonZeroVersion(CrmStore store,
            StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T versioned = read(store, tx -> c.withVersion(c.fresh().apply(tx, tenant), 3));
        assertThatThrownBy(() -> read(store, tx -> c.store().apply(tx).insert(versioned)))
                .isInstanceOf(ValidationException.class);
        assertThat(maybe(store, tx -> c.store().apply(tx).find(tenant, versioned.id()))).isEmpty();
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudStaleDelete(CrmStore store,
            StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T v1 = crudInserted(store, c, tenant);
        T v2 = read(store, tx -> c.store().apply(tx).update(c.changed().apply(v1)));
        assertThatThrownBy(() -> inTx(store, tx -> c.store().apply(tx).delete(tenant, v1.id(), 1)))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> inTx(store, tx -> c.store().apply(tx).delete(tenant, v1.id(), 3)))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(maybe(store, tx -> c.store().apply(tx).find(tenant, v1.id()))).contains(v2);
    }

    private static <T extends Aggregate<I>, I extends RecordId> void crudDelete(CrmStore store, StoreCase<T, I> c) {
        TenantId tenant = TckFixtures.newTenant();
        T v1 = crudInserted(store, c, tenant);
        T kept = crudInserted(store, c, tenant);
        inTx(store, tx -> c.store().apply(tx).delete(tenant, v1.id(), 1));
        assertThat(maybe(store, tx -> c.store().apply(tx).find(tenant, v1.id()))).isEmpty();
        assertThat(maybe(store, tx -> c.store().apply(tx).find(tenant, kept.id())))
                .as("another record of the tenant").contains(kept);
        assertThatThrownBy(() -> inTx(store, tx -> c.store().apply(tx).delete(tenant, v1.id(), 1)))
                .isInstanceOf(NotFoundException.class);
    }
}
