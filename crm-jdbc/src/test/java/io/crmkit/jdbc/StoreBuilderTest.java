package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.tck.TckFixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Building a {@link JdbcCrmStore}: what is checked, what is detected, and what the settings change. */
class StoreBuilderTest {
    private static final Clock CLOCK = Clock.fixed(TckFixtures.BASE, ZoneOffset.UTC);

    private static JdbcCrmStore.Builder valid(DataSource dataSource) {
        return JdbcCrmStore.builder().dataSource(dataSource).schemaMode(SchemaMode.NONE).clock(CLOCK);
    }

    @Test
    void badSettingsAreTypedValidationErrors() {
        DataSource h2 = StoreTestDatabases.h2();
        assertThatThrownBy(() -> JdbcCrmStore.builder().clock(CLOCK).schemaMode(SchemaMode.NONE).build())
                .as("no data source").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).clock(null).build()).as("neither clock nor id generator")
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).idGenerator(() -> "x").build()).as("both clock and id generator")
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).maxRetries(-1).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).maxRetries(101).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).tablePrefix("crm; DROP TABLE x").build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).tablePrefix(null).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).isolation(null).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> valid(h2).schemaMode(null).build()).isInstanceOf(ValidationException.class);
        assertThat(valid(h2).maxRetries(0).build()).isNotNull();
        assertThat(valid(h2).maxRetries(100).build()).isNotNull();
    }

    @Test
    void theDialectIsDetectedFromTheDatabaseAndThePrefixIsKept() {
        JdbcCrmStore store = valid(StoreTestDatabases.h2()).tablePrefix("").build();
        assertThat(store.dialect()).isEqualTo(Dialect.H2);
        assertThat(store.tablePrefix()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsStorageUnavailableWhenDetectingTheDialect() {
        DataSource down = new StoreFaults(StoreTestDatabases.h2()).failNext("getConnection", "08001", 0).dataSource();
        assertThatThrownBy(() -> valid(down).build()).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void theTablePrefixNamesEveryTableTheStoreUses() {
        DataSource h2 = StoreTestDatabases.h2();
        StoreTestDatabases.createSchema(h2, Dialect.H2, "app1_");
        JdbcCrmStore prefixed = valid(h2).tablePrefix("app1_").build();
        TenantId tenant = TckFixtures.newTenant();

        Account inserted = prefixed.transact(tx -> tx.accounts().insert(TckFixtures.account(tx, tenant).build()));
        Optional<Account> found = prefixed.transact(tx -> tx.accounts().find(tenant, inserted.id()));
        assertThat(found).contains(inserted);

        // The default prefix names tables that do not exist in this database: a typed error, never an SQLException.
        JdbcCrmStore unprefixed = valid(h2).maxRetries(0).build();
        assertThatThrownBy(() -> unprefixed.transact(tx -> tx.accounts().find(tenant, inserted.id())))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void idsComeFromTheConfiguredGenerator() {
        AtomicInteger next = new AtomicInteger();
        JdbcCrmStore store = JdbcCrmStore.builder().dataSource(StoreTestDatabases.h2()).dialect(Dialect.H2)
                .schemaMode(SchemaMode.NONE).idGenerator(() -> "id-" + next.incrementAndGet()).build();
        AccountId id = store.transact(tx -> tx.accounts().nextId());
        assertThat(id.value()).isEqualTo("id-1");
        assertThat(store.ids().nextId()).isEqualTo("id-2");
    }

    @Test
    void serializableIsolationRunsUnitsOfWork() {
        DataSource h2 = StoreTestDatabases.h2();
        StoreTestDatabases.createSchema(h2, Dialect.H2, "crm_");
        JdbcCrmStore store = valid(h2).isolation(JdbcCrmStore.Isolation.SERIALIZABLE).build();
        TenantId tenant = TckFixtures.newTenant();
        Account inserted = store.transact(tx -> tx.accounts().insert(TckFixtures.account(tx, tenant).build()));
        Account updated = store.transact(tx -> tx.accounts().update(inserted.toBuilder().level("B").build()));
        assertThat(updated.version()).isEqualTo(2);
    }
}
