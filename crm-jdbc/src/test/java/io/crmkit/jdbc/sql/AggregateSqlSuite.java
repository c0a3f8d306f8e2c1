package io.crmkit.jdbc.sql;

import static io.crmkit.tck.QueryFixtures.CNY;
import static io.crmkit.tck.QueryFixtures.JPY;
import static io.crmkit.tck.QueryFixtures.NOW;
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
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.money.Money;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentMethod;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.time.PeriodUnit;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.Grouping;
import io.crmkit.tck.QueryFixtures;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * {@link AggregateSql} against the in-memory reference store's {@code aggregate} on the same
 * records: groupings of every kind (standard and custom), calendar periods of dates and of instants
 * in Shanghai and across New York's daylight saving changes, money per currency at its scale, number
 * sums, the filter, the rejected queries with the same errors, and random payments. Rows are
 * compared as text: keys, currency, count, and sums (money sums with their scale, number sums by
 * value, which the SPI leaves free).
 */
abstract class AggregateSqlSuite extends SqlTestBase {
    private static final QueryContext SHANGHAI = QueryFixtures.context();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    // ------------------------------------------------------------------ helpers

    List<AggregateRow> sql(Class<?> model, TenantId tenant, AggregateQuery query, QueryContext context) {
        try {
            return AggregateSql.run(db.connection, db.dialect, TestDatabase.NAMES, SqlRecords.tableOf(model), tenant,
                    query, context);
        } catch (SQLException e) {
            throw new AssertionError("running " + query + " on " + db, e);
        }
    }

    static List<AggregateRow> memory(Function<Transaction, ? extends RecordStore<?, ?>> kind, TenantId tenant,
            AggregateQuery query, QueryContext context) {
        return MEMORY.transact(tx -> kind.apply(tx).aggregate(tenant, query, context));
    }

    /** Asserts the database's rows equal the reference store's; returns them as text. */
    List<String> agree(Function<Transaction, ? extends RecordStore<?, ?>> kind, Class<?> model, TenantId tenant,
            AggregateQuery query, QueryContext context) {
        List<String> expected = asText(memory(kind, tenant, query, context));
        List<String> actual = asText(sql(model, tenant, query, context));
        assertThat(actual).as("%s in %s on %s", query, context.zone(), db).isEqualTo(expected);
        return actual;
    }

    List<String> agreeOnAccounts(TenantId tenant, AggregateQuery query, QueryContext context) {
        return agree(Transaction::accounts, Account.class, tenant, query, context);
    }

    /** Both stores reject the query with the same error codes at the same paths. */
    void bothReject(Function<Transaction, ? extends RecordStore<?, ?>> kind, Class<?> model, TenantId tenant,
            AggregateQuery query, ErrorCode code) {
        Throwable inMemory = catchThrowable(() -> memory(kind, tenant, query, SHANGHAI));
        Throwable inSql = catchThrowable(() -> sql(model, tenant, query, SHANGHAI));
        assertThat(inMemory).as("reference store on %s", query).isInstanceOf(ValidationException.class);
        assertThat(inSql).as("%s on %s", query, db).isInstanceOf(ValidationException.class);
        assertThat(codes((ValidationException) inSql)).as("%s on %s", query, db)
                .isEqualTo(codes((ValidationException) inMemory)).allSatisfy(c -> assertThat(c).endsWith(code.code()));
    }

    private static List<String> codes(ValidationException e) {
        return e.violations().stream().map(v -> v.field() + " " + v.code().code()).toList();
    }

    /** A row as text; number sums by value (the SPI leaves their scale free), money sums exactly. */
    static List<String> asText(List<AggregateRow> rows) {
        return rows.stream().map(row -> row.keys() + " " + row.currency() + " x" + row.count() + " "
                + row.sums().stream().map(s -> row.currency() == null ? plain(s) : s.toPlainString()).toList()).toList();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static Account.Builder followedUp(TenantId tenant, String name, String at) {
        return account(MEMORY, tenant, name).lastFollowUpAt(at == null ? null : Instant.parse(at));
    }

    // ------------------------------------------------------------------ grouping by fields

    @Test
    void countsByAnEnumAndByOwnerWithTheEmptyKeyFirst() {
        TenantId tenant = newTenant();
        PoolId pool = PoolId.of("pool-east");
        accounts(
                account(MEMORY, tenant, "b 1", user("u-b"), null).dealStatus(DealStatus.WON),
                account(MEMORY, tenant, "pooled 1", null, pool),
                account(MEMORY, tenant, "a 1", user("u-a"), null),
                account(MEMORY, tenant, "c 1", user("U-c"), null).dealStatus(DealStatus.WON),
                account(MEMORY, tenant, "pooled 2", null, pool));
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.by("owner")), SHANGHAI))
                .containsExactly("[null] null x2 []", "[U-c] null x1 []", "[u-a] null x1 []", "[u-b] null x1 []");
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.by("dealStatus"), Grouping.by("poolId")),
                SHANGHAI)).containsExactly("[NOT_YET, null] null x1 []", "[NOT_YET, pool-east] null x2 []",
                        "[WON, null] null x2 []");
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null), SHANGHAI)).containsExactly("[] null x5 []");
    }

    /** Standard flag, number, instant and money keys, and custom keys of every kind. */
    @Test
    void groupsByFieldsOfEveryKind() {
        TenantId tenant = newTenant();
        List<CustomValue> samples = List.of(text("gold"), text("gold "), choice("gold"), choices("x", "y"), choices(),
                number("2"), number("2.00"), number("0.50"), number("-0"), flag(true), flag(false), date("2026-03-05"),
                timestamp("2026-04-01T08:00:00.123Z"), amount("100", CNY), amount("100.5", USD), amount("7", JPY));
        List<Account.Builder> builders = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            builders.add(account(MEMORY, tenant, "v" + i).customFields(custom("f", samples.get(i)))
                    .locked(i % 3 == 0).lastFollowUpAt(i % 2 == 0 ? Instant.parse("2026-04-01T08:00:00.5Z") : null));
        }
        builders.add(account(MEMORY, tenant, "unset"));
        accounts(builders.toArray(Account.Builder[]::new));
        List<String> byCustom = agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.by("custom.f")), SHANGHAI);
        assertThat(byCustom).contains("[0.5] null x1 []", "[2] null x2 []", "[CNY 100.00] null x1 []",
                "[USD 100.50] null x1 []", "[JPY 7] null x1 []", "[x,y] null x1 []", "[] null x1 []", "[gold] null x2 []",
                "[gold ] null x1 []", "[2026-04-01T08:00:00.123Z] null x1 []");
        agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.by("locked"), Grouping.by("version")), SHANGHAI);
        agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.by("lastFollowUpAt")), SHANGHAI);

        AccountId payer = payer(tenant);
        payments(List.of(
                QueryFixtures.payment(MEMORY, tenant, payer, money("100", CNY), LocalDate.parse("2026-03-05")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("100.00", CNY), LocalDate.parse("2026-03-05")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("100", JPY), LocalDate.parse("2026-03-06")).build()));
        assertThat(agree(Transaction::payments, Payment.class, tenant,
                AggregateQuery.count(null, Grouping.by("amount"), Grouping.by("receivedOn")), SHANGHAI))
                .containsExactly("[CNY 100.00, 2026-03-05] null x2 []", "[JPY 100, 2026-03-06] null x1 []");
    }

    // ------------------------------------------------------------------ calendar periods

    /** Instants on both sides of the Shanghai month, quarter and year ends; the same in UTC. */
    @Test
    void instantPeriodsAreTheTenantsInShanghai() {
        TenantId tenant = newTenant();
        accounts(
                followedUp(tenant, "31 Mar 23:59:59", "2026-03-31T15:59:59Z"),
                followedUp(tenant, "1 Apr 00:30", "2026-03-31T16:30:00Z"),
                followedUp(tenant, "15 Apr", "2026-04-15T00:00:00Z"),
                followedUp(tenant, "1 Jan 2027", "2026-12-31T16:00:00Z"),
                followedUp(tenant, "never", null));
        for (PeriodUnit unit : PeriodUnit.values()) {
            for (QueryContext context : List.of(SHANGHAI, new QueryContext(NOW, ZoneId.of("UTC")))) {
                agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", unit)), context);
            }
        }
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", PeriodUnit.WEEK)),
                SHANGHAI)).containsExactly("[null] null x1 []", "[2026-W14] null x2 []", "[2026-W16] null x1 []",
                        "[2026-W53] null x1 []");
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", PeriodUnit.MONTH)),
                new QueryContext(NOW, ZoneId.of("UTC")))).containsExactly("[null] null x1 []", "[2026-03] null x2 []",
                        "[2026-04] null x1 []", "[2026-12] null x1 []");
    }

    /**
     * New York moves from UTC-5 to UTC-4 at 07:00Z on 8 March 2026 and back at 06:00Z on 1 November:
     * the local midnights either side are at different UTC hours, and one CASE branch per offset gets
     * each day right.
     */
    @Test
    void instantPeriodsFollowDaylightSavingTimeInNewYork() {
        TenantId tenant = newTenant();
        accounts(
                followedUp(tenant, "7 Mar 23:59:59 EST", "2026-03-08T04:59:59Z"),
                followedUp(tenant, "8 Mar 00:00 EST", "2026-03-08T05:00:00Z"),
                followedUp(tenant, "8 Mar 01:59:59 EST", "2026-03-08T06:59:59Z"),
                followedUp(tenant, "8 Mar 03:00 EDT", "2026-03-08T07:00:00Z"),
                followedUp(tenant, "8 Mar 23:59:59 EDT", "2026-03-09T03:59:59Z"),
                followedUp(tenant, "9 Mar 00:00 EDT", "2026-03-09T04:00:00Z"),
                followedUp(tenant, "31 Oct 23:59:59 EDT", "2026-11-01T03:59:59Z"),
                followedUp(tenant, "1 Nov 00:00 EDT", "2026-11-01T04:00:00Z"),
                followedUp(tenant, "1 Nov 01:30 EST", "2026-11-01T06:30:00Z"),
                followedUp(tenant, "1 Nov 23:59:59 EST", "2026-11-02T04:59:59Z"),
                followedUp(tenant, "2 Nov 00:00 EST", "2026-11-02T05:00:00Z"));
        QueryContext newYork = new QueryContext(NOW, NEW_YORK);
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", PeriodUnit.DAY)),
                newYork)).containsExactly("[2026-03-07] null x1 []", "[2026-03-08] null x4 []", "[2026-03-09] null x1 []",
                        "[2026-10-31] null x1 []", "[2026-11-01] null x3 []", "[2026-11-02] null x1 []");
        for (PeriodUnit unit : PeriodUnit.values()) {
            agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", unit)), newYork);
        }
        // Only the March change inside the filtered range, and none at all: the CASE shrinks to what is needed.
        agreeOnAccounts(tenant, AggregateQuery.count(Condition.lt("lastFollowUpAt", timestamp("2026-06-01T00:00:00Z")),
                Grouping.byPeriod("lastFollowUpAt", PeriodUnit.DAY)), newYork);
        agreeOnAccounts(tenant, AggregateQuery.count(Condition.gt("lastFollowUpAt", timestamp("2026-11-01T06:00:00Z")),
                Grouping.byPeriod("lastFollowUpAt", PeriodUnit.DAY)), newYork);
    }

    /** Twenty years of instants in New York: forty transitions, every one of them in the CASE. */
    @Test
    void instantPeriodsOverManyYearsOfTransitions() {
        TenantId tenant = newTenant();
        List<Account.Builder> builders = new ArrayList<>();
        Instant start = Instant.parse("2010-03-14T06:30:00Z");
        for (int i = 0; i < 40; i++) {
            builders.add(followedUp(tenant, "n" + i, start.plusSeconds(i * 183L * 86_400 + i * 3_600L).toString()));
        }
        accounts(builders.toArray(Account.Builder[]::new));
        agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", PeriodUnit.DAY)),
                new QueryContext(NOW, NEW_YORK));
    }

    /** Dates roll up to ISO weeks keyed by their week-based year, and to months. */
    @Test
    void datePeriodsRollUpInJava() {
        TenantId tenant = newTenant();
        AccountId payer = payer(tenant);
        payments(List.of(
                QueryFixtures.payment(MEMORY, tenant, payer, money("10.00", CNY), LocalDate.parse("2024-12-30")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("10.00", CNY), LocalDate.parse("2026-03-01")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("10.10", CNY), LocalDate.parse("2026-03-05")).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("10.00", USD), LocalDate.parse("2027-01-01")).build()));
        for (PeriodUnit unit : PeriodUnit.values()) {
            agree(Transaction::payments, Payment.class, tenant,
                    AggregateQuery.count(null, Grouping.byPeriod("receivedOn", unit)).summing("amount"), SHANGHAI);
        }
        assertThat(agree(Transaction::payments, Payment.class, tenant,
                AggregateQuery.count(null, Grouping.byPeriod("receivedOn", PeriodUnit.WEEK)), SHANGHAI))
                .containsExactly("[2025-W01] null x1 []", "[2026-W09] null x1 []", "[2026-W10] null x1 []",
                        "[2026-W53] null x1 []");
        assertThat(agree(Transaction::payments, Payment.class, tenant,
                AggregateQuery.count(null, Grouping.byPeriod("receivedOn", PeriodUnit.MONTH)).summing("amount"), SHANGHAI))
                .contains("[2026-03] CNY x2 [20.10]");
    }

    /** A custom field's periods: dates and instants (in the tenant's zone); any other kind is rejected as in memory. */
    @Test
    void customPeriodsOfDatesAndInstants() {
        TenantId tenant = newTenant();
        accounts(
                account(MEMORY, tenant, "date 31 Mar").customFields(custom("f", date("2026-03-31"))),
                account(MEMORY, tenant, "ts 31 Mar 23:59:59").customFields(custom("f", timestamp("2026-03-31T15:59:59Z"))),
                account(MEMORY, tenant, "ts 1 Apr 00:00").customFields(custom("f", timestamp("2026-03-31T16:00:00Z"))),
                account(MEMORY, tenant, "date 1 Apr").customFields(custom("f", date("2026-04-01"))),
                account(MEMORY, tenant, "unset"),
                account(MEMORY, tenant, "text").customFields(custom("g", text("2026-04-01"))));
        for (PeriodUnit unit : PeriodUnit.values()) {
            agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("custom.f", unit)), SHANGHAI);
            agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("custom.f", unit)),
                    new QueryContext(NOW, NEW_YORK));
        }
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.byPeriod("custom.f", PeriodUnit.MONTH)),
                SHANGHAI)).containsExactly("[null] null x2 []", "[2026-03] null x2 []", "[2026-04] null x2 []");
        bothReject(Transaction::accounts, Account.class, tenant,
                AggregateQuery.count(null, Grouping.byPeriod("custom.g", PeriodUnit.DAY)), ErrorCode.FIELD_INVALID);
        // Filtered away, the text value is never read: no error.
        agreeOnAccounts(tenant, AggregateQuery.count(Condition.isNull("custom.g"), Grouping.byPeriod("custom.g",
                PeriodUnit.DAY)), SHANGHAI);
    }

    // ------------------------------------------------------------------ sums

    /** Money per currency at its scale (yen without decimals), with and without group keys. */
    @Test
    void moneyIsSummedPerCurrencyExactly() {
        TenantId tenant = newTenant();
        AccountId payer = payer(tenant);
        LocalDate day = LocalDate.parse("2026-04-01");
        payments(List.of(
                QueryFixtures.payment(MEMORY, tenant, payer, money("100.10", CNY), day).allocated(money("100.10", CNY)).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("200.20", CNY), day).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("50.05", USD), day).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("0.10", CNY), day).method(PaymentMethod.CASH)
                        .allocated(money("0.10", CNY)).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("0.20", CNY), day).method(PaymentMethod.CASH)
                        .allocated(money("0.10", CNY)).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("1000", JPY), day).method(PaymentMethod.CASH).build(),
                QueryFixtures.payment(MEMORY, tenant, payer, money("500", JPY), day).method(PaymentMethod.CASH)
                        .allocated(money("1", JPY)).build()));
        assertThat(agree(Transaction::payments, Payment.class, tenant,
                AggregateQuery.count(null, Grouping.by("method")).summing("amount", "allocated"), SHANGHAI))
                .containsExactly("[BANK_TRANSFER] CNY x2 [300.30, 100.10]", "[BANK_TRANSFER] USD x1 [50.05, 0.00]",
                        "[CASH] CNY x2 [0.30, 0.20]", "[CASH] JPY x2 [1500, 1]");
        assertThat(agree(Transaction::payments, Payment.class, tenant, AggregateQuery.count(null).summing("amount"),
                SHANGHAI)).containsExactly("[] CNY x4 [300.60]", "[] JPY x2 [1500]", "[] USD x1 [50.05]");
        agree(Transaction::payments, Payment.class, tenant,
                AggregateQuery.count(Condition.ge("amount", amount("50.00", CNY))).summing("allocated", "amount"), SHANGHAI);
    }

    /** Two keys and a money sum on opportunities: a group splits by currency, ordered by code. */
    @Test
    void twoKeysAndAMoneySum() {
        TenantId tenant = newTenant();
        AccountId account = payer(tenant);
        store(Transaction::opportunities, List.of(
                deal(tenant, account, "u-a", "2026-03-31", money("100.00", CNY)),
                deal(tenant, account, "u-a", "2026-04-01", money("200.50", CNY)),
                deal(tenant, account, "u-b", "2026-01-15", money("7.00", USD)),
                deal(tenant, account, "u-a", null, money("1.00", CNY)),
                deal(tenant, account, "u-b", "2026-02-28", money("3.00", CNY))));
        assertThat(agree(Transaction::opportunities, Opportunity.class, tenant, AggregateQuery.count(null,
                Grouping.by("owner"), Grouping.byPeriod("expectedCloseDate", PeriodUnit.QUARTER)).summing("amount"), SHANGHAI))
                .containsExactly("[u-a, null] CNY x1 [1.00]", "[u-a, 2026-Q1] CNY x1 [100.00]",
                        "[u-a, 2026-Q2] CNY x1 [200.50]", "[u-b, 2026-Q1] CNY x1 [3.00]", "[u-b, 2026-Q1] USD x1 [7.00]");
    }

    /** Custom numbers and custom money summed, a group without values summing to zero; a standard number too. */
    @Test
    void customNumbersAndMoneyAreSummed() {
        TenantId tenant = newTenant();
        accounts(
                account(MEMORY, tenant, "A 1.5").level("A").customFields(CustomFields.none()
                        .with("budget", number("1.5")).with("deposit", amount("10.05", CNY))),
                account(MEMORY, tenant, "A 2.25").level("A").customFields(CustomFields.none()
                        .with("budget", number("2.25")).with("deposit", amount("3", USD))),
                account(MEMORY, tenant, "A none").level("A"),
                account(MEMORY, tenant, "B none").level("B"),
                account(MEMORY, tenant, "big").customFields(custom("budget", number("12345678901234567890.000000001"))),
                account(MEMORY, tenant, "small").customFields(custom("budget", number("0.1"))));
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.by("level")).summing("custom.budget"),
                SHANGHAI)).containsExactly("[null] null x2 [12345678901234567890.100000001]", "[A] null x3 [3.75]",
                        "[B] null x1 [0]");
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(null, Grouping.by("level"))
                .summing("custom.deposit", "custom.budget", "version"), SHANGHAI)).contains(
                        "[A] CNY x1 [10.05, 1.5, 1]", "[A] USD x1 [3.00, 2.25, 1]", "[A] null x1 [0, 0, 1]");
    }

    /** Sums the in-memory store refuses are refused the same way: two currencies on one record, a text summed. */
    @Test
    void sumsOfMixedCurrenciesOrOfTextAreRejected() {
        TenantId tenant = newTenant();
        accounts(
                account(MEMORY, tenant, "ok").customFields(CustomFields.none()
                        .with("a", amount("1.00", CNY)).with("b", amount("2.00", CNY)).with("t", number("1"))),
                account(MEMORY, tenant, "two currencies").customFields(CustomFields.none()
                        .with("a", amount("1.00", CNY)).with("b", amount("2.00", USD)).with("t", text("1"))));
        bothReject(Transaction::accounts, Account.class, tenant, AggregateQuery.count(null).summing("custom.a", "custom.b"),
                ErrorCode.CURRENCY_MISMATCH);
        bothReject(Transaction::accounts, Account.class, tenant, AggregateQuery.count(null).summing("custom.t"),
                ErrorCode.FIELD_INVALID);
        agreeOnAccounts(tenant, AggregateQuery.count(Condition.eq("name", text("ok"))).summing("custom.a", "custom.b",
                "custom.t"), SHANGHAI);
    }

    // ------------------------------------------------------------------ filter, empty, rejected

    @Test
    void theFilterCountsInTheTenantZone() {
        TenantId tenant = newTenant();
        TenantId neighbour = newTenant();
        for (TenantId t : List.of(tenant, neighbour)) {
            accounts(
                    account(MEMORY, t, "never").level("A"),
                    followedUp(t, "1 Apr 23:59:59", "2026-04-01T15:59:59Z").level("A").dealStatus(DealStatus.WON),
                    followedUp(t, "2 Apr 00:00", "2026-04-01T16:00:00Z").level("B"),
                    followedUp(t, "yesterday", "2026-04-15T04:00:00Z"));
        }
        Condition stale = Condition.daysSince("lastFollowUpAt", 15);
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(stale, Grouping.by("dealStatus")), SHANGHAI))
                .containsExactly("[NOT_YET] null x1 []", "[WON] null x1 []");
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(stale, Grouping.by("dealStatus")),
                new QueryContext(NOW, ZoneId.of("UTC")))).containsExactly("[NOT_YET] null x2 []", "[WON] null x1 []");
        assertThat(agreeOnAccounts(tenant, AggregateQuery.count(Condition.ne("level", choice("A"))), SHANGHAI))
                .containsExactly("[] null x1 []");
    }

    @Test
    void anEmptyTenantHasNoRows() {
        TenantId empty = newTenant();
        assertThat(sql(Account.class, empty, AggregateQuery.count(null, Grouping.by("level")), SHANGHAI)).isEmpty();
        assertThat(sql(Account.class, empty, AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt",
                PeriodUnit.MONTH)), SHANGHAI)).isEmpty();
        assertThat(sql(Account.class, empty, AggregateQuery.count(null).summing("custom.budget"), SHANGHAI)).isEmpty();
        assertThat(sql(Payment.class, empty, AggregateQuery.count(null).summing("amount"), SHANGHAI)).isEmpty();
    }

    @Test
    void queriesTheModelCannotRunAreRejectedAsInMemory() {
        TenantId tenant = newTenant();
        accounts(account(MEMORY, tenant, "someone").level("A"));
        for (AggregateQuery query : List.of(
                AggregateQuery.count(null, Grouping.by("noSuchField")),
                AggregateQuery.count(null).summing("noSuchField"),
                AggregateQuery.count(null, Grouping.by("addresses")),
                AggregateQuery.count(null, Grouping.byPeriod("name", PeriodUnit.MONTH)),
                AggregateQuery.count(null).summing("name"),
                AggregateQuery.count(null).summing("lastFollowUpAt"))) {
            Throwable inMemory = catchThrowable(() -> memory(Transaction::accounts, tenant, query, SHANGHAI));
            Throwable inSql = catchThrowable(() -> sql(Account.class, tenant, query, SHANGHAI));
            assertThat(inSql).as("%s", query).isInstanceOf(ValidationException.class);
            assertThat(((ValidationException) inSql).violations()).extracting(Violation::field, Violation::code)
                    .isEqualTo(((ValidationException) inMemory).violations().stream()
                            .map(v -> org.assertj.core.groups.Tuple.tuple(v.field(), v.code())).toList());
        }
        Throwable badFilter = catchThrowable(() -> sql(Account.class, tenant,
                AggregateQuery.count(Condition.eq("noSuchField", choice("x")), Grouping.by("level")), SHANGHAI));
        assertThat(badFilter).isInstanceOf(ValidationException.class);
    }

    // ------------------------------------------------------------------ random payments

    /** Random payments and queries (groupings, sums, filters, zones) agree with the reference store. */
    @Test
    void randomPaymentsAgreeWithTheReferenceStore() {
        qt().withExamples(examples()).withShrinkCycles(100).forAll(paymentExamples()).checkAssert(example -> {
            TenantId tenant = newTenant();
            AccountId payer = payer(tenant);
            payments(example.payments().stream().map(p -> p.build(tenant, payer)).toList());
            agree(Transaction::payments, Payment.class, tenant, example.query(), new QueryContext(NOW, example.zone()));
        });
    }

    int examples() {
        return 150;
    }

    record PaymentDraft(Money amount, long allocatedMinor, PaymentMethod method, LocalDate receivedOn, String owner,
            Instant createdAt) {
        Payment build(TenantId tenant, AccountId payer) {
            return QueryFixtures.payment(MEMORY, tenant, payer, amount, receivedOn)
                    .allocated(Money.ofMinor(allocatedMinor, amount.currency())).method(method).owner(user(owner))
                    .createdAt(createdAt).updatedAt(createdAt).build();
        }
    }

    record PaymentExample(List<PaymentDraft> payments, AggregateQuery query, ZoneId zone) {}

    private static final List<Instant> CREATED = List.of(Instant.parse("2026-03-31T15:59:59Z"),
            Instant.parse("2026-03-31T16:00:00Z"), Instant.parse("2026-03-08T06:59:59Z"),
            Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2025-12-31T16:00:00Z"),
            Instant.parse("2026-01-01T04:59:59Z"), Instant.parse("2026-11-01T05:30:00Z"),
            // 00:30 on 9 March in New York (EDT): a winter offset would put it on 8 March.
            Instant.parse("2026-03-09T04:30:00Z"));
    private static final List<List<Grouping>> GROUPINGS = List.of(List.of(), List.of(Grouping.by("method")),
            List.of(Grouping.by("owner"), Grouping.byPeriod("receivedOn", PeriodUnit.WEEK)),
            List.of(Grouping.byPeriod("createdAt", PeriodUnit.DAY)),
            List.of(Grouping.by("method"), Grouping.byPeriod("createdAt", PeriodUnit.MONTH)),
            List.of(Grouping.byPeriod("createdAt", PeriodUnit.YEAR), Grouping.byPeriod("receivedOn", PeriodUnit.QUARTER)),
            List.of(Grouping.by("amount")));
    private static final List<List<String>> SUMS = List.of(List.of(), List.of("amount"), List.of("allocated", "amount"));
    private static final List<Condition> FILTERS = Arrays.asList(null,
            Condition.in("method", choice("CASH"), choice("ALIPAY")),
            Condition.not(Condition.eq("owner", text("u-a"))),
            Condition.ge("amount", amount("50.00", CNY)),
            Condition.daysSince("createdAt", 15));
    private static final List<ZoneId> ZONES = List.of(QueryFixtures.SHANGHAI, ZoneId.of("UTC"), NEW_YORK);

    static Gen<PaymentExample> paymentExamples() {
        return in -> {
            List<PaymentDraft> payments = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Currency currency = RandomConditions.pick(in, List.of(CNY, USD, JPY));
                long amountMinor = 1 + in.next(Constraint.between(0, 20_000).withShrinkPoint(0));
                long allocatedMinor = in.next(Constraint.between(0, amountMinor).withShrinkPoint(0));
                payments.add(new PaymentDraft(Money.ofMinor(amountMinor, currency), allocatedMinor,
                        RandomConditions.pick(in, List.of(PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH,
                                PaymentMethod.ALIPAY)),
                        LocalDate.of(2025, 12, 20).plusDays(RandomConditions.pick(in, 120)),
                        RandomConditions.pick(in, List.of("u-a", "u-b", "U-c")), RandomConditions.pick(in, CREATED)));
            }
            AggregateQuery query = new AggregateQuery(RandomConditions.pick(in, FILTERS),
                    RandomConditions.pick(in, GROUPINGS), RandomConditions.pick(in, SUMS));
            return new PaymentExample(payments, query, RandomConditions.pick(in, ZONES));
        };
    }

    private static Opportunity deal(TenantId tenant, AccountId account, String owner, String closeOn, Money amount) {
        return QueryFixtures.opportunity(MEMORY, tenant, account, amount).owner(user(owner))
                .expectedCloseDate(closeOn == null ? null : LocalDate.parse(closeOn)).build();
    }
}
