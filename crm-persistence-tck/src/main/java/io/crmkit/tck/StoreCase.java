package io.crmkit.tck;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.Transaction;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One record store of a {@link Transaction}, described so a contract can run the same rule against
 * every store: how to reach it, how to make a valid new record, how to change one, and how to copy one
 * with another tenant, id or version.
 *
 * @param type the kind of record
 * @param store the store in a transaction
 * @param fresh a valid new record (version 0) for a tenant
 * @param changed the record with a domain field and the update time changed
 * @param rebuild the record with the given tenant, id and version
 */
record StoreCase<T extends Aggregate<I>, I extends RecordId>(
        RecordType type,
        Function<Transaction, RecordStore<T, I>> store,
        BiFunction<Transaction, TenantId, T> fresh,
        UnaryOperator<T> changed,
        Rebuild<T, I> rebuild) {

    /** Copies a record with another tenant, id and version. */
    @FunctionalInterface
    interface Rebuild<T, I> {
        T with(T record, TenantId tenant, I id, long version);
    }

    T withVersion(T record, long version) {
        return rebuild.with(record, record.tenantId(), record.id(), version);
    }

    T withTenant(T record, TenantId tenant) {
        return rebuild.with(record, tenant, record.id(), record.version());
    }

    T withId(T record, I id) {
        return rebuild.with(record, record.tenantId(), id, record.version());
    }

    @Override
    public String toString() {
        return type.name();
    }
}
