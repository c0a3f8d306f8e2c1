package io.crmkit.jdbc.sql;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordId;
import io.crmkit.jdbc.Dialect;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.tck.QueryFixtures;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One database per test class (a subclass per dialect), and the in-memory reference store beside
 * it: every record is stored in both, so the compiled SQL can be compared with the reference on
 * the very same records. Each test uses a fresh tenant, so tests never see each other's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlTestBase {
    /** The reference store; also the id generator of every record. */
    static final CrmStore MEMORY = InMemoryCrmStore.create(Clock.fixed(QueryFixtures.NOW, ZoneOffset.UTC));

    TestDatabase db;

    abstract Dialect dialect();

    @BeforeAll
    void openDatabase() throws SQLException, IOException {
        db = TestDatabase.open(dialect());
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    /** Stores {@code builders}' accounts in the reference store and in the database; returns them as stored (version 1). */
    List<Account> accounts(Account.Builder... builders) {
        return store(Transaction::accounts, List.of(builders).stream().map(Account.Builder::build).toList());
    }

    /** Stores payments in both stores; returns them as stored. */
    List<Payment> payments(List<Payment> payments) {
        return store(Transaction::payments, payments);
    }

    /** An account to pay from, stored in both. */
    AccountId payer(TenantId tenant) {
        return accounts(QueryFixtures.account(MEMORY, tenant, "payer")).get(0).id();
    }

    <T extends Aggregate<I>, I extends RecordId> List<T> store(Function<Transaction, ? extends RecordStore<T, I>> kind,
            List<T> records) {
        List<T> stored = QueryFixtures.insertAll(MEMORY, kind, records);
        try {
            SqlRecords.insert(db, stored);
        } catch (SQLException e) {
            throw new IllegalStateException("writing test records to " + db, e);
        }
        return stored;
    }
}
