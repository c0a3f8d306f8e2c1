package io.crmkit.jdbc.sql;

import static io.crmkit.tck.QueryFixtures.CNY;
import static io.crmkit.tck.QueryFixtures.NOW;
import static io.crmkit.tck.QueryFixtures.SHANGHAI;
import static io.crmkit.tck.QueryFixtures.USD;
import static io.crmkit.tck.QueryFixtures.account;
import static io.crmkit.tck.QueryFixtures.amount;
import static io.crmkit.tck.QueryFixtures.choice;
import static io.crmkit.tck.QueryFixtures.choices;
import static io.crmkit.tck.QueryFixtures.custom;
import static io.crmkit.tck.QueryFixtures.date;
import static io.crmkit.tck.QueryFixtures.flag;
import static io.crmkit.tck.QueryFixtures.money;
import static io.crmkit.tck.QueryFixtures.newTenant;
import static io.crmkit.tck.QueryFixtures.number;
import static io.crmkit.tck.QueryFixtures.text;
import static io.crmkit.tck.QueryFixtures.timestamp;
import static io.crmkit.tck.QueryFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Compare;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.condition.Operator;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentMethod;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.jdbc.schema.RecordTable;
import io.crmkit.spi.QueryContext;
import io.crmkit.tck.QueryFixtures;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ConditionSql} against the reference interpreter {@link ConditionEvaluator} on the same
 * records: every operator on every kind of standard and custom field, empty fields under NOT,
 * literal CONTAINS, exact text, "days since" across the tenant's day boundary, and random trees.
 * Each check runs the compiled WHERE on the database and compares the matching ids with the
 * evaluator's; a few also name the expected records, so a bug shared by both would show too.
 */
abstract class ConditionSqlSuite extends SqlTestBase {
    private static final QueryContext CONTEXT = QueryFixtures.context();

    // ------------------------------------------------------------------ helpers

    /** The ids (in id order) of the tenant's records of {@code table} the compiled condition selects. */
    List<String> sqlIds(RecordTable table, TenantId tenant, Condition condition, QueryContext context) {
        SqlFragment where = ConditionSql.where(db.dialect, TestDatabase.NAMES, table, "r", condition, context);
        String sql = "SELECT r.id FROM " + TestDatabase.NAMES.table(table) + " r WHERE r.tenant_id = ? AND ("
                + where.sql() + ") ORDER BY r.id";
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        params.addAll(where.params());
        try (PreparedStatement statement = db.connection.prepareStatement(sql)) {
            SqlValues.bindAll(statement, params);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new AssertionError("running " + condition + " on " + db + ":\n" + sql, e);
        }
    }

    /** The ids of {@code records} the reference interpreter matches, in id order. */
    static List<String> evaluatorIds(List<? extends Aggregate<?>> records, Condition condition, QueryContext context) {
        return records.stream()
                .filter(r -> ConditionEvaluator.matches(condition, (Record) r, context.now(), context.zone()))
                .map(r -> r.id().value()).sorted().toList();
    }

    /** Asserts SQL and the evaluator agree on every condition, over {@code records} (all of one tenant and type). */
    void agree(List<? extends Aggregate<?>> records, QueryContext context, List<Condition> conditions) {
        RecordTable table = SqlRecords.tableOf(records.get(0).getClass());
        TenantId tenant = records.get(0).tenantId();
        Map<String, String> labels = labels(records);
        for (Condition condition : conditions) {
            List<String> expected = evaluatorIds(records, condition, context);
            List<String> actual = sqlIds(table, tenant, condition, context);
            assertThat(actual.stream().map(labels::get).toList())
                    .as("%s on %s at %s in %s", condition, db, context.now(), context.zone())
                    .isEqualTo(expected.stream().map(labels::get).toList());
        }
    }

    /** Asserts the compiled condition selects exactly the accounts named {@code names} (and that the evaluator agrees). */
    void expect(List<Account> accounts, QueryContext context, Condition condition, String... names) {
        agree(accounts, context, List.of(condition));
        Map<String, String> labels = labels(accounts);
        List<String> actual = sqlIds(SqlRecords.tableOf(Account.class), accounts.get(0).tenantId(), condition, context)
                .stream().map(labels::get).sorted().toList();
        assertThat(actual).as("%s on %s", condition, db).isEqualTo(List.of(names).stream().sorted().toList());
    }

    private static Map<String, String> labels(List<? extends Aggregate<?>> records) {
        return records.stream().collect(Collectors.toMap(r -> r.id().value(),
                r -> r instanceof Account a ? a.name() : r.toString()));
    }

    // ------------------------------------------------------------------ empty fields

    @Test
    void anEmptyFieldIsTrueOnlyForIsNullAndNotInvertsExactly() {
        TenantId tenant = newTenant();
        List<Account> stored = accounts(
                account(MEMORY, tenant, "level A").level("A"),
                account(MEMORY, tenant, "level B").level("B"),
                account(MEMORY, tenant, "no level"));
        expect(stored, CONTEXT, Condition.ne("level", choice("A")), "level B");
        expect(stored, CONTEXT, Condition.not(Condition.eq("level", choice("A"))), "level B", "no level");
        expect(stored, CONTEXT, Condition.notIn("level", choice("A")), "level B");
        expect(stored, CONTEXT, Condition.not(Condition.notIn("level", choice("B"))), "level B", "no level");
        expect(stored, CONTEXT, Condition.not(Condition.contains("level", "A")), "level B", "no level");
        expect(stored, CONTEXT, Condition.gt("custom.budget", number("0")));
        expect(stored, CONTEXT, Condition.not(Condition.lt("custom.budget", number("0"))), "level A", "level B", "no level");
        expect(stored, CONTEXT, Condition.ne("custom.neverSet", text("x")));
        expect(stored, CONTEXT, Condition.not(Condition.ne("custom.neverSet", text("x"))), "level A", "level B", "no level");
        expect(stored, CONTEXT, Condition.isNull("custom.neverSet"), "level A", "level B", "no level");
        expect(stored, CONTEXT, Condition.not(Condition.not(Condition.isNull("level"))), "no level");
    }

    @Test
    void anEmptyOwnerAndPoolBehaveAsEmptyFields() {
        TenantId tenant = newTenant();
        PoolId pool = PoolId.of("pool-east");
        List<Account> stored = accounts(
                account(MEMORY, tenant, "owned by u1", user("u1"), pool),
                account(MEMORY, tenant, "owned by u2", user("u2"), null),
                account(MEMORY, tenant, "in the pool", null, pool));
        expect(stored, CONTEXT, Condition.ne("owner", text("u1")), "owned by u2");
        expect(stored, CONTEXT, Condition.not(Condition.eq("owner", text("u1"))), "owned by u2", "in the pool");
        expect(stored, CONTEXT, Condition.notIn("poolId", text("pool-west")), "owned by u1", "in the pool");
        expect(stored, CONTEXT, Condition.isNull("poolId"), "owned by u2");
    }

    // ------------------------------------------------------------------ every operator on every kind

    /** Every operator with several values on every comparable standard field of an account. */
    @Test
    void everyOperatorOnStandardAccountFields() {
        TenantId tenant = newTenant();
        Instant t = Instant.parse("2026-04-01T08:00:00Z");
        List<Account> stored = accounts(
                account(MEMORY, tenant, "Acme Ltd").level("A").source("fair").dealStatus(DealStatus.WON)
                        .lastFollowUpAt(t.minusMillis(1)).locked(true),
                account(MEMORY, tenant, "ACME Co").level("B").lastFollowUpAt(t),
                account(MEMORY, tenant, "50% off").source("web").lastFollowUpAt(t.plusSeconds(86_400)),
                account(MEMORY, tenant, "a_b", null, PoolId.of("p1")).lastDealAt(t),
                account(MEMORY, tenant, "no follow-up"));
        List<Condition> conditions = new ArrayList<>();
        addAll(conditions, "name", List.of(text("Acme Ltd"), text("acme"), choice("a_b"), text("")), true);
        addAll(conditions, "level", List.of(choice("A"), text("B"), choice("a")), true);
        addAll(conditions, "dealStatus", List.of(choice("WON"), choice("NOT_YET")), true);
        addAll(conditions, "owner", List.of(text(QueryFixtures.OWNER.value()), text("u9")), true);
        addAll(conditions, "lastFollowUpAt", List.of(timestamp(t), timestamp(t.plusMillis(1)), timestamp(t.minusMillis(1))), false);
        addAll(conditions, "lastDealAt", List.of(timestamp(t)), false);
        addAll(conditions, "locked", List.of(flag(true), flag(false)), false);
        addAll(conditions, "version", List.of(number("1"), number("1.00"), number("0"), number("2")), false);
        addAll(conditions, "id", List.of(text(stored.get(0).id().value())), true);
        for (String field : List.of("name", "level")) {
            for (String part : List.of("", "a", "A", "%", "_", "cme", "CME", " ")) {
                conditions.add(Condition.contains(field, part));
            }
        }
        agree(stored, CONTEXT, withNegations(conditions));
    }

    /** Money and date columns (a payment's amount, allocation and received date). */
    @Test
    void everyOperatorOnMoneyAndDateColumns() {
        TenantId tenant = newTenant();
        AccountId payer = payer(tenant);
        List<Payment> stored = payments(List.of(
                QueryFixtures.payment(MEMORY, tenant, payer, money("99.99", CNY), LocalDate.parse("2025-12-31")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("100.00", CNY), LocalDate.parse("2026-01-01"))
                        .allocated(money("100.00", CNY)).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("100.01", CNY), LocalDate.parse("2026-01-02"))
                        .method(PaymentMethod.CASH).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("100.00", USD), LocalDate.parse("2026-10-01")).build()));
        List<Condition> conditions = new ArrayList<>();
        addAll(conditions, "amount", List.of(amount("100", CNY), amount("100.00", USD), amount("99.99", CNY),
                amount("1000.00", USD)), false);
        conditions.add(Condition.in("amount", amount("99.99", CNY), amount("100.00", USD)));
        conditions.add(Condition.notIn("amount", amount("99.99", CNY), amount("100.00", USD)));
        conditions.add(Condition.notIn("amount", amount("99.99", CNY), amount("100.01", CNY)));
        addAll(conditions, "allocated", List.of(amount("100.00", CNY), amount("0.00", CNY)), false);
        addAll(conditions, "receivedOn", List.of(date("2026-01-01"), date("2025-12-31"), date("2026-09-30")), false);
        addAll(conditions, "method", List.of(choice("CASH"), text("BANK_TRANSFER")), true);
        agree(stored, CONTEXT, withNegations(conditions));
        Map<String, String> amounts = stored.stream().collect(Collectors.toMap(p -> p.id().value(), p -> p.amount().toString()));
        assertThat(sqlIds(SqlRecords.tableOf(Payment.class), tenant, Condition.ge("amount", amount("100.00", CNY)), CONTEXT)
                .stream().map(amounts::get).toList())
                .as("an amount of another currency is never greater").containsExactlyInAnyOrder(
                        money("100.00", CNY).toString(), money("100.01", CNY).toString());
    }

    /** Custom fields of every kind, each also holding other kinds on some records, with every operator and value kind. */
    @Test
    void everyOperatorOnCustomFieldsOfEveryKind() {
        TenantId tenant = newTenant();
        Instant t = Instant.parse("2026-04-01T08:00:00Z");
        List<Account.Builder> builders = new ArrayList<>();
        List<CustomValue> samples = List.of(text("gold"), text("abc "), text("ABC"), choice("gold"), choice("silver"),
                choices("gold", "x"), choices("x"), choices(), number("2"), number("2.00"), number("-10"),
                number("12345678901234567890.123456789"), flag(true), flag(false), date("2026-01-01"),
                date("2025-12-31"), timestamp(t), timestamp(t.plusMillis(1)), amount("100.00", CNY),
                amount("100.01", CNY), amount("100.00", USD));
        for (int i = 0; i < samples.size(); i++) {
            builders.add(account(MEMORY, tenant, "v" + i).customFields(custom("f", samples.get(i))));
        }
        builders.add(account(MEMORY, tenant, "nothing set"));
        List<Account> stored = accounts(builders.toArray(Account.Builder[]::new));
        List<CustomValue> values = samples.stream().filter(v -> !(v instanceof CustomValue.Choices)).toList();
        List<Condition> conditions = new ArrayList<>();
        addAll(conditions, "custom.f", values, false);
        for (CustomValue value : values) {
            if (!isOrdered(value)) {
                for (Operator op : List.of(Operator.GT, Operator.LT)) {
                    assertThatThrownBy(() -> new Compare("custom.f", op, List.of(value)))
                            .isInstanceOf(ValidationException.class);
                }
            }
        }
        conditions.add(Condition.in("custom.f", choice("x"), choice("silver")));
        conditions.add(Condition.notIn("custom.f", choice("x"), choice("silver")));
        conditions.add(Condition.in("custom.f", amount("100.00", CNY), amount("100.00", USD)));
        conditions.add(Condition.notIn("custom.f", amount("100.00", CNY), amount("100.00", USD)));
        conditions.add(Condition.notIn("custom.f", amount("100.00", CNY), amount("1.00", CNY)));
        for (String part : List.of("", "o", "ABC", "abc", "x", " ")) {
            conditions.add(Condition.contains("custom.f", part));
        }
        agree(stored, CONTEXT, withNegations(conditions));
        // The pick-list and money rules by name (v5 and v6 hold sets with x, v7 the empty set), as
        // ConditionEvaluator documents them.
        expect(stored, CONTEXT, Condition.eq("custom.f", choice("x")), "v5", "v6");
        expect(stored, CONTEXT, Condition.ne("custom.f", choice("x")), "v0", "v1", "v2", "v3", "v4", "v7");
        expect(stored, CONTEXT, Condition.ge("custom.f", amount("100.00", CNY)), "v18", "v19");
        expect(stored, CONTEXT, Condition.eq("custom.f", number("2.000")), "v8", "v9");
        expect(stored, CONTEXT, Condition.not(Condition.eq("custom.f", flag(true))), stored.stream()
                .map(Account::name).filter(n -> !n.equals("v12")).toArray(String[]::new));
    }

    /** CONTAINS is literal and case-sensitive on a standard and a custom text field. */
    @Test
    void containsIsLiteral() {
        TenantId tenant = newTenant();
        List<String> names = List.of("50% off", "500 off", "a_b", "axb", "back\\slash", "backslash", "O'Brien",
                "OBrien", "say \"hi\"", "x[ab]y", "a.c", "abc", "Acme Ltd", "ACME Co", "客户");
        List<Account> stored = accounts(names.stream()
                .map(n -> account(MEMORY, tenant, n).customFields(custom("region", text(n))))
                .toArray(Account.Builder[]::new));
        for (String field : List.of("name", "custom.region")) {
            expect(stored, CONTEXT, Condition.contains(field, "%"), "50% off");
            expect(stored, CONTEXT, Condition.contains(field, "_"), "a_b");
            expect(stored, CONTEXT, Condition.contains(field, "%_"));
            expect(stored, CONTEXT, Condition.contains(field, "\\"), "back\\slash");
            expect(stored, CONTEXT, Condition.contains(field, "'"), "O'Brien");
            expect(stored, CONTEXT, Condition.contains(field, "[ab]"), "x[ab]y");
            expect(stored, CONTEXT, Condition.contains(field, "."), "a.c");
            expect(stored, CONTEXT, Condition.contains(field, "CME"), "ACME Co");
            expect(stored, CONTEXT, Condition.contains(field, "客"), "客户");
        }
    }

    /** Text equality is exact: case, accents, sharp s and trailing spaces count. */
    @Test
    void textComparisonIsExact() {
        TenantId tenant = newTenant();
        List<String> regions = List.of("abc", "abc ", "ABC", "Müller", "Muller", "straße", "strasse", "客户");
        List<Account> stored = accounts(regions.stream()
                .map(r -> account(MEMORY, tenant, regions.indexOf(r) + " [" + r + "]")
                        .customFields(custom("region", text(r))))
                .toArray(Account.Builder[]::new));
        // Numbered names: the tenant's name uniqueness ignores case.
        expect(stored, CONTEXT, Condition.eq("custom.region", text("abc")), "0 [abc]");
        expect(stored, CONTEXT, Condition.eq("custom.region", text("abc ")), "1 [abc ]");
        expect(stored, CONTEXT, Condition.eq("custom.region", text("Muller")), "4 [Muller]");
        expect(stored, CONTEXT, Condition.eq("custom.region", text("strasse")), "6 [strasse]");
        expect(stored, CONTEXT, Condition.eq("name", text("0 [abc]")), "0 [abc]");
        expect(stored, CONTEXT, Condition.eq("name", text("0 [ABC]")));
        expect(stored, CONTEXT, Condition.in("custom.region", text("ABC"), text("Müller")), "2 [ABC]", "3 [Müller]");
    }

    // ------------------------------------------------------------------ days since

    /** NOW is 20:00 on 16 April in Shanghai: 15 days back is the whole of 1 April, Shanghai time. */
    @Test
    void daysSinceCountsCalendarDaysAcrossTheShanghaiBoundary() {
        TenantId tenant = newTenant();
        List<Account> stored = accounts(
                account(MEMORY, tenant, "never"),
                followedUp(tenant, "1 Apr 00:00", "2026-03-31T16:00:00Z"),
                followedUp(tenant, "1 Apr 23:59:59", "2026-04-01T15:59:59Z"),
                followedUp(tenant, "2 Apr 00:00", "2026-04-01T16:00:00Z"),
                followedUp(tenant, "1 May", "2026-05-01T04:00:00Z"));
        expect(stored, CONTEXT, Condition.daysSince("lastFollowUpAt", 15), "never", "1 Apr 00:00", "1 Apr 23:59:59");
        expect(stored, CONTEXT, Condition.not(Condition.daysSince("lastFollowUpAt", 15)), "2 Apr 00:00", "1 May");
        expect(stored, CONTEXT, Condition.daysSince("lastFollowUpAt", 0), "never", "1 Apr 00:00", "1 Apr 23:59:59",
                "2 Apr 00:00", "1 May");
        expect(stored, new QueryContext(NOW, ZoneId.of("UTC")), Condition.daysSince("lastFollowUpAt", 15),
                "never", "1 Apr 00:00", "1 Apr 23:59:59", "2 Apr 00:00");
        // Just after midnight in Shanghai it is already 16 April there, still 15 April in UTC.
        Instant afterMidnight = Instant.parse("2026-04-15T16:30:00Z");
        expect(stored, QueryFixtures.contextAt(afterMidnight), Condition.daysSince("lastFollowUpAt", 15),
                "never", "1 Apr 00:00", "1 Apr 23:59:59");
        // A second before Shanghai's midnight it is 15 April there: 1 April was only 14 days ago.
        expect(stored, QueryFixtures.contextAt(afterMidnight.minusSeconds(31 * 60 + 1)),
                Condition.daysSince("lastFollowUpAt", 15), "never");
    }

    /** Custom dates and timestamps count; a custom field of another kind never matches; unset always does. */
    @Test
    void daysSinceOnCustomFieldsOfEveryKind() {
        TenantId tenant = newTenant();
        List<Account> stored = accounts(
                account(MEMORY, tenant, "date 1 Apr").customFields(custom("f", date("2026-04-01"))),
                account(MEMORY, tenant, "date 2 Apr").customFields(custom("f", date("2026-04-02"))),
                account(MEMORY, tenant, "ts 1 Apr 23:59:59").customFields(custom("f", timestamp("2026-04-01T15:59:59Z"))),
                account(MEMORY, tenant, "ts 2 Apr 00:00").customFields(custom("f", timestamp("2026-04-01T16:00:00Z"))),
                account(MEMORY, tenant, "text").customFields(custom("f", text("2026-01-01"))),
                account(MEMORY, tenant, "unset"));
        expect(stored, CONTEXT, Condition.daysSince("custom.f", 15), "date 1 Apr", "ts 1 Apr 23:59:59", "unset");
        expect(stored, CONTEXT, Condition.not(Condition.daysSince("custom.f", 15)), "date 2 Apr", "ts 2 Apr 00:00", "text");
        expect(stored, CONTEXT, Condition.daysSince("custom.f", 0), stored.stream().map(Account::name).toArray(String[]::new));
        List<Condition> more = new ArrayList<>();
        for (int days = 0; days < 20; days++) {
            more.add(Condition.daysSince("custom.f", days));
            more.add(Condition.daysSince("lastFollowUpAt", days));
        }
        agree(stored, new QueryContext(NOW, ZoneId.of("America/Los_Angeles")), more);
    }

    /** Days since on a date column (a payment's received date). */
    @Test
    void daysSinceOnADateColumn() {
        TenantId tenant = newTenant();
        AccountId payer = payer(tenant);
        List<Payment> stored = payments(List.of(
                QueryFixtures.payment(MEMORY, tenant, payer, money("1.00", CNY), LocalDate.parse("2026-04-01")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("2.00", CNY), LocalDate.parse("2026-04-02")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("3.00", CNY), LocalDate.parse("2026-04-16")).build()));
        List<Condition> conditions = new ArrayList<>();
        for (int days = 0; days < 17; days++) {
            conditions.add(Condition.daysSince("receivedOn", days));
        }
        agree(stored, CONTEXT, conditions);
        agree(stored, QueryFixtures.contextAt(Instant.parse("2026-04-15T15:59:59Z")), conditions);
        assertThat(sqlIds(SqlRecords.tableOf(Payment.class), tenant, Condition.daysSince("receivedOn", 15), CONTEXT))
                .containsExactly(stored.get(0).id().value());
    }

    // ------------------------------------------------------------------ rejected conditions and parameters

    @Test
    void conditionsTheModelCannotEvaluateAreRejectedTyped() {
        RecordTable accounts = SqlRecords.tableOf(Account.class);
        for (Condition bad : List.of(Condition.eq("noSuchField", text("x")), Condition.eq("version", text("1")),
                Condition.contains("version", "1"), Condition.gt("locked", number("1")),
                Condition.daysSince("name", 3), Condition.eq("level", choices("A")))) {
            assertThatThrownBy(() -> ConditionSql.where(db.dialect, TestDatabase.NAMES, accounts, "r", bad, CONTEXT))
                    .as("%s", bad).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.violations()).allSatisfy(v -> assertThat(v.code())
                                    .isEqualTo(ErrorCode.CONDITION_INVALID)));
        }
        assertThat(ConditionSql.where(db.dialect, TestDatabase.NAMES, accounts, "r", null, CONTEXT).sql()).isEqualTo("1=1");
    }

    @Test
    void everyValueIsAParameter() {
        RecordTable accounts = SqlRecords.tableOf(Account.class);
        Condition condition = Condition.all(Condition.eq("name", text("O'Brien; DROP TABLE x")),
                Condition.contains("custom.region", "%'--"), Condition.ge("custom.deposit", amount("12.34", CNY)),
                Condition.daysSince("lastFollowUpAt", 15));
        SqlFragment where = ConditionSql.where(db.dialect, TestDatabase.NAMES, accounts, "r", condition, CONTEXT);
        assertThat(where.sql()).doesNotContain("O'Brien", "%'--", "12.34", "CNY", "2026");
        assertThat(where.params()).contains("O'Brien; DROP TABLE x", "%'--", "CNY");
        assertThat(where.sql().chars().filter(c -> c == '?').count()).isEqualTo(where.params().size());
    }

    // ------------------------------------------------------------------ random trees

    /** Random trees over random accounts (with every custom kind) agree with the evaluator in random zones. */
    @Test
    void randomConditionsAgreeWithTheEvaluator() {
        qt().withExamples(examples()).withShrinkCycles(200).forAll(RandomConditions.examples()).checkAssert(example -> {
            TenantId tenant = newTenant();
            List<Account.Builder> builders = new ArrayList<>();
            for (int i = 0; i < example.accounts().size(); i++) {
                RandomConditions.AccountDraft draft = example.accounts().get(i);
                builders.add(account(MEMORY, tenant, "acct " + i, draft.owner() == null ? null : user(draft.owner()),
                        draft.owner() == null ? PoolId.of("p1") : null)
                        .level(draft.level()).lastFollowUpAt(draft.lastFollowUpAt()).lastDealAt(draft.lastDealAt())
                        .locked(draft.locked()).dealStatus(draft.dealStatus()).customFields(CustomFields.of(draft.custom())));
            }
            List<Account> stored = accounts(builders.toArray(Account.Builder[]::new));
            agree(stored, new QueryContext(example.now(), example.zone()), example.conditions());
        });
    }

    /** How many random examples this dialect runs (fewer on servers, which are slower per example). */
    int examples() {
        return 150;
    }

    // ------------------------------------------------------------------ building conditions

    private Account.Builder followedUp(TenantId tenant, String name, String at) {
        return account(MEMORY, tenant, name).lastFollowUpAt(Instant.parse(at));
    }

    /** Every operator that takes {@code values}' kind, with each value, plus IS_NULL and IS_NOT_NULL. */
    private static void addAll(List<Condition> conditions, String field, List<CustomValue> values, boolean text) {
        conditions.add(Condition.isNull(field));
        conditions.add(Condition.isNotNull(field));
        for (CustomValue value : values) {
            conditions.add(Condition.eq(field, value));
            conditions.add(Condition.ne(field, value));
            conditions.add(Condition.in(field, value));
            conditions.add(Condition.notIn(field, value));
            if (isOrdered(value)) {
                conditions.add(Condition.gt(field, value));
                conditions.add(Condition.ge(field, value));
                conditions.add(Condition.lt(field, value));
                conditions.add(Condition.le(field, value));
            }
        }
        // Lists of the same kind: IN any, NOT_IN all.
        Map<Class<?>, List<CustomValue>> byKind = values.stream().collect(Collectors.groupingBy(Object::getClass));
        for (List<CustomValue> same : byKind.values()) {
            if (same.size() > 1) {
                conditions.add(Condition.in(field, same));
                conditions.add(Condition.notIn(field, same));
            }
        }
        if (text) {
            conditions.add(Condition.contains(field, "c"));
        }
    }

    private static boolean isOrdered(CustomValue value) {
        return value instanceof CustomValue.Number || value instanceof CustomValue.Date
                || value instanceof CustomValue.Timestamp || value instanceof CustomValue.Amount;
    }

    /** Each condition and its negation. */
    private static List<Condition> withNegations(List<Condition> conditions) {
        List<Condition> all = new ArrayList<>(conditions);
        conditions.forEach(c -> all.add(Condition.not(c)));
        all.sort(Comparator.comparing(Object::toString));
        return all;
    }
}
