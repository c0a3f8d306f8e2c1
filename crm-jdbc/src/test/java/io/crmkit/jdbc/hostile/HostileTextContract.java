package io.crmkit.jdbc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordFields;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.Transaction;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * SQL injection, tried everywhere text goes in: hostile strings in every free-text field of accounts
 * and leads, in custom text values and in every condition value are stored exactly and matched
 * literally (a quote is a quote, {@code %} and {@code _} are no wildcards, a trailing space counts),
 * and the tables are all still there afterwards. Each database's subclass supplies the store.
 */
abstract class HostileTextContract {
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final UserId OWNER = UserId.of("owner");
    static final QueryContext CONTEXT = new QueryContext(NOW, ZoneId.of("Asia/Shanghai"));
    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE crm_account; --",
            "\" OR \"1\"=\"1",
            "' OR '1'='1",
            "Robert'); DELETE FROM crm_lead; --",
            "100% _off_ \\ back\\slash \\'",
            "${prefix}account",
            "? ?? $1 :name @p",
            "/* comment */ -- tail #",
            "名字 😀 Ünïcødé",
            "x' UNION SELECT body FROM crm_account WHERE '1'='1",
            "%",
            "_",
            "line1\nline2\ttab",
            "a');\\\\ SELECT 1; --");

    /** The store under test (tests use fresh tenants). */
    abstract CrmStore store();

    @Test
    void hostileTextInEveryAccountTextFieldIsStoredAndMatchedLiterally() throws Exception {
        checkEveryTextField(Account.class, Account.Builder.class, (tx, tenant) -> Account.builder()
                .id(tx.accounts().nextId()).tenantId(tenant).name("n").owner(OWNER).ownedSince(NOW)
                .createdAt(NOW).updatedAt(NOW),
                Transaction::accounts);
    }

    @Test
    void hostileTextInEveryLeadTextFieldIsStoredAndMatchedLiterally() throws Exception {
        checkEveryTextField(Lead.class, Lead.Builder.class, (tx, tenant) -> Lead.builder()
                .id(tx.leads().nextId()).tenantId(tenant).personName("p").owner(OWNER).ownedSince(NOW)
                // invalid, so its invalid reason (a text field too) may hold text
                .status(LeadStatus.INVALID).statusBeforeInvalid(LeadStatus.NEW)
                .createdAt(NOW).updatedAt(NOW),
                Transaction::leads);
    }

    @Test
    void hostileCustomTextAndContainsAreLiteral() {
        TenantId tenant = TenantId.of("hostile-" + UUID.randomUUID());
        CrmStore store = store();
        List<Account> stored = store.transact(tx -> {
            List<Account> out = new ArrayList<>();
            for (int i = 0; i < HOSTILE.size(); i++) {
                String value = HOSTILE.get(i);
                out.add(tx.accounts().insert(Account.builder().id(tx.accounts().nextId()).tenantId(tenant)
                        .name("Company " + i).owner(OWNER).ownedSince(NOW)
                        .customFields(CustomFields.of(Map.of("note", new CustomValue.Text(value),
                                "padded", new CustomValue.Text(i % 2 == 0 ? "abc" : "abc "))))
                        .createdAt(NOW).updatedAt(NOW).build()));
            }
            return out;
        });
        for (Account account : stored) {
            assertThat(store.transact(tx -> tx.accounts().get(tenant, account.id())).customFields())
                    .isEqualTo(account.customFields());
        }
        for (String value : HOSTILE) {
            assertThat(ids(store, tenant, Condition.eq("custom.note", new CustomValue.Text(value))))
                    .as("custom.note = %s", value).isEqualTo(expected(stored, a -> note(a).equals(value)));
            assertThat(ids(store, tenant, Condition.not(Condition.eq("custom.note", new CustomValue.Text(value)))))
                    .as("not custom.note = %s", value).isEqualTo(expected(stored, a -> !note(a).equals(value)));
        }
        for (String part : List.of("%", "_", "'", "\\", "--", "😀", "\n", "' OR '")) {
            assertThat(ids(store, tenant, Condition.contains("custom.note", part)))
                    .as("custom.note contains %s", part).isEqualTo(expected(stored, a -> note(a).contains(part)));
        }
        assertThat(ids(store, tenant, Condition.eq("custom.padded", new CustomValue.Text("abc"))))
                .as("a trailing space makes a different value")
                .isEqualTo(expected(stored, a -> ((CustomValue.Text) a.customFields().values().get("padded"))
                        .value().equals("abc")));
        assertThat(ids(store, tenant, Condition.in("custom.note", HOSTILE.stream()
                .map(v -> (CustomValue) new CustomValue.Text(v)).toList()))).hasSize(HOSTILE.size());
        assertTablesIntact(store, tenant, stored.size());
    }

    private <T extends Record & Aggregate<I>, I extends io.crmkit.core.record.RecordId, B> void checkEveryTextField(
            Class<T> type, Class<B> builderType, BuilderStart<B> start, Function<Transaction, RecordStore<T, I>> area)
            throws Exception {
        List<Method> setters = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == String.class) {
                Method setter;
                try {
                    setter = builderType.getMethod(component.getName(), String.class);
                } catch (NoSuchMethodException derived) {
                    continue; // a derived field (match keys), computed from the others
                }
                setters.add(setter);
            }
        }
        assertThat(setters).as("text fields of " + type.getSimpleName()).hasSizeGreaterThanOrEqualTo(4);
        TenantId tenant = TenantId.of("hostile-" + UUID.randomUUID());
        CrmStore store = store();
        List<T> stored = new ArrayList<>();
        Method build = builderType.getMethod("build");
        for (int i = 0; i < HOSTILE.size(); i++) {
            int row = i;
            stored.add(store.transact(tx -> {
                B builder = start.begin(tx, tenant);
                for (int f = 0; f < setters.size(); f++) {
                    call(setters.get(f), builder, HOSTILE.get((row + f) % HOSTILE.size()));
                }
                @SuppressWarnings("unchecked")
                T record = (T) call(build, builder);
                return area.apply(tx).insert(record);
            }));
        }
        for (T record : stored) {
            T read = store.transact(tx -> area.apply(tx).get(tenant, record.id()));
            assertThat(read).as("read back").isEqualTo(record);
        }
        for (Method setter : setters) {
            String field = setter.getName();
            for (String value : HOSTILE) {
                Function<T, Boolean> equal = r -> value.equals(RecordFields.value(r, field));
                List<String> expected = stored.stream().filter(equal::apply).map(r -> r.id().value()).toList();
                List<String> found = store.transact(tx -> area.apply(tx).query(tenant,
                        Condition.eq(field, new CustomValue.Text(value)), CONTEXT, PageRequest.first(100)).items())
                        .stream().map(r -> r.id().value()).toList();
                assertThat(found).as("%s = %s", field, value).isEqualTo(expected);
            }
        }
        assertTablesIntact(store, tenant, stored.size());
    }

    private static void assertTablesIntact(CrmStore store, TenantId tenant, int records) {
        long accounts = store.transact(tx -> tx.accounts().count(tenant, null, CONTEXT));
        long leads = store.transact(tx -> tx.leads().count(tenant, null, CONTEXT));
        assertThat(accounts + leads).as("records of the tenant after the attack").isEqualTo(records);
        long strangers = store.transact(tx -> tx.accounts().count(TenantId.of("nobody-" + UUID.randomUUID()), null,
                CONTEXT));
        assertThat(strangers).as("records of a tenant that never wrote any").isZero();
    }

    private static String note(Account account) {
        return ((CustomValue.Text) account.customFields().values().get("note")).value();
    }

    private static List<String> expected(List<Account> accounts, java.util.function.Predicate<Account> match) {
        return accounts.stream().filter(match).map(a -> a.id().value()).toList();
    }

    private static List<String> ids(CrmStore store, TenantId tenant, Condition condition) {
        return store.transact(tx -> tx.accounts().query(tenant, condition, CONTEXT, PageRequest.first(100)).items())
                .stream().map(Account::id).map(AccountId::value).toList();
    }

    /** Invokes a builder method, passing the model's own (typed) exceptions on unwrapped. */
    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface BuilderStart<B> {
        B begin(Transaction tx, TenantId tenant);
    }
}
