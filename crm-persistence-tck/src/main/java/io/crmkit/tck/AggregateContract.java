package io.crmkit.tck;

import static io.crmkit.tck.QueryFixtures.CNY;
import static io.crmkit.tck.QueryFixtures.JPY;
import static io.crmkit.tck.QueryFixtures.NOW;
import static io.crmkit.tck.QueryFixtures.USD;
import static io.crmkit.tck.QueryFixtures.account;
import static io.crmkit.tck.QueryFixtures.choice;
import static io.crmkit.tck.QueryFixtures.context;
import static io.crmkit.tck.QueryFixtures.custom;
import static io.crmkit.tck.QueryFixtures.insertAccounts;
import static io.crmkit.tck.QueryFixtures.money;
import static io.crmkit.tck.QueryFixtures.newTenant;
import static io.crmkit.tck.QueryFixtures.number;
import static io.crmkit.tck.QueryFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.money.Money;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentMethod;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.time.PeriodUnit;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.Grouping;
import io.crmkit.tck.QueryFixtures.AggregateExample;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link io.crmkit.spi.RecordStore#aggregate}: counts grouped by fields and calendar periods of the
 * tenant's zone, money summed per currency and exactly at the currency's scale, number sums, the
 * filter, the row order {@link AggregateRow} fixes, the empty result and the rejected queries; and a
 * property holding the store's rows equal to the same aggregate computed in Java from the same
 * payments.
 *
 * <p>Group keys are the texts {@link Grouping} and {@link PeriodUnit} document (an enum's name, an
 * id's value, {@code 2026-04}, {@code 2026-Q2}, {@code 2026-W53}); rows come ordered by their keys
 * compared as text ({@link String#compareTo}, so {@code "U-c"} before {@code "u-a"} whatever the
 * database's collation), null first, then by currency code.
 */
public interface AggregateContract extends StoreUnderTest {

    /** Counting by an enum field: one row per value, keyed by the value's name, no currency, no sums. */
    @Test
    default void aggregateCountsByAnEnumField() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        insertAccounts(store,
                account(store, tenant, "won 1").dealStatus(DealStatus.WON),
                account(store, tenant, "open 1"),
                account(store, tenant, "won 2").dealStatus(DealStatus.WON),
                account(store, tenant, "open 2"),
                account(store, tenant, "open 3"));

        List<AggregateRow> rows = aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(null, Grouping.by("dealStatus")), context());

        assertThat(rows).containsExactly(
                row(List.of("NOT_YET"), null, 3),
                row(List.of("WON"), null, 2));
    }

    /**
     * An empty field is its own group with a null key, ordered first; the other keys follow in text
     * order (upper case before lower case, as {@link String#compareTo} orders them).
     */
    @Test
    default void aggregateGroupsAnEmptyFieldUnderANullKeyFirst() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        PoolId pool = PoolId.of("pool-east");
        insertAccounts(store,
                account(store, tenant, "b 1", user("u-b"), null),
                account(store, tenant, "pooled 1", null, pool),
                account(store, tenant, "a 1", user("u-a"), null),
                account(store, tenant, "b 2", user("u-b"), pool),
                account(store, tenant, "c 1", user("U-c"), null),
                account(store, tenant, "pooled 2", null, pool));

        List<AggregateRow> rows = aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(null, Grouping.by("owner")), context());

        assertThat(rows).containsExactly(
                row(nullKey(), null, 2),
                row(List.of("U-c"), null, 1),
                row(List.of("u-a"), null, 1),
                row(List.of("u-b"), null, 2));
    }

    /**
     * Calendar periods of an instant are the tenant's: 2026-03-31T16:30Z is already April (and Q2) in
     * Shanghai, 2026-12-31T16:00Z already 2027, and 2027-01-01 falls in ISO week 2026-W53; the same
     * query in a UTC context puts them back in March and December.
     */
    @Test
    default void aggregateGroupsInstantsByCalendarPeriodInTheTenantZone() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        insertAccounts(store,
                account(store, tenant, "31 Mar 23:59:59 Shanghai").lastFollowUpAt(Instant.parse("2026-03-31T15:59:59Z")),
                account(store, tenant, "1 Apr 00:30 Shanghai").lastFollowUpAt(Instant.parse("2026-03-31T16:30:00Z")),
                account(store, tenant, "15 Apr 08:00 Shanghai").lastFollowUpAt(Instant.parse("2026-04-15T00:00:00Z")),
                account(store, tenant, "1 Jan 2027 00:00 Shanghai").lastFollowUpAt(Instant.parse("2026-12-31T16:00:00Z")),
                account(store, tenant, "never followed up"));
        QueryContext shanghai = context();
        QueryContext utc = new QueryContext(NOW, ZoneId.of("UTC"));

        assertThat(byPeriod(store, tenant, PeriodUnit.MONTH, shanghai)).as("MONTH in Shanghai").containsExactly(
                row(nullKey(), null, 1), row(List.of("2026-03"), null, 1), row(List.of("2026-04"), null, 2),
                row(List.of("2027-01"), null, 1));
        assertThat(byPeriod(store, tenant, PeriodUnit.QUARTER, shanghai)).as("QUARTER in Shanghai").containsExactly(
                row(nullKey(), null, 1), row(List.of("2026-Q1"), null, 1), row(List.of("2026-Q2"), null, 2),
                row(List.of("2027-Q1"), null, 1));
        assertThat(byPeriod(store, tenant, PeriodUnit.YEAR, shanghai)).as("YEAR in Shanghai").containsExactly(
                row(nullKey(), null, 1), row(List.of("2026"), null, 3), row(List.of("2027"), null, 1));
        assertThat(byPeriod(store, tenant, PeriodUnit.DAY, shanghai)).as("DAY in Shanghai").containsExactly(
                row(nullKey(), null, 1), row(List.of("2026-03-31"), null, 1), row(List.of("2026-04-01"), null, 1),
                row(List.of("2026-04-15"), null, 1), row(List.of("2027-01-01"), null, 1));
        assertThat(byPeriod(store, tenant, PeriodUnit.WEEK, shanghai)).as("WEEK in Shanghai").containsExactly(
                row(nullKey(), null, 1), row(List.of("2026-W14"), null, 2), row(List.of("2026-W16"), null, 1),
                row(List.of("2026-W53"), null, 1));
        assertThat(byPeriod(store, tenant, PeriodUnit.MONTH, utc)).as("MONTH in UTC").containsExactly(
                row(nullKey(), null, 1), row(List.of("2026-03"), null, 2), row(List.of("2026-04"), null, 1),
                row(List.of("2026-12"), null, 1));
        assertThat(byPeriod(store, tenant, PeriodUnit.QUARTER, utc)).as("QUARTER in UTC").containsExactly(
                row(nullKey(), null, 1), row(List.of("2026-Q1"), null, 2), row(List.of("2026-Q2"), null, 1),
                row(List.of("2026-Q4"), null, 1));
    }

    /** Calendar periods of a date field: ISO weeks keyed by their week-based year, two-digit week numbers. */
    @Test
    default void aggregateGroupsDatesByIsoWeekAndMonth() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        insertPayments(store,
                QueryFixtures.payment(store, tenant, account, money("10.00", CNY), LocalDate.parse("2024-12-30")).build(),
                QueryFixtures.payment(store, tenant, account, money("10.00", CNY), LocalDate.parse("2026-03-01")).build(),
                QueryFixtures.payment(store, tenant, account, money("10.00", CNY), LocalDate.parse("2026-03-05")).build(),
                QueryFixtures.payment(store, tenant, account, money("10.00", CNY), LocalDate.parse("2027-01-01")).build());

        List<AggregateRow> weeks = aggregate(store, Transaction::payments, tenant,
                AggregateQuery.count(null, Grouping.byPeriod("receivedOn", PeriodUnit.WEEK)), context());
        List<AggregateRow> months = aggregate(store, Transaction::payments, tenant,
                AggregateQuery.count(null, Grouping.byPeriod("receivedOn", PeriodUnit.MONTH)), context());

        assertThat(weeks).containsExactly(row(List.of("2025-W01"), null, 1), row(List.of("2026-W09"), null, 1),
                row(List.of("2026-W10"), null, 1), row(List.of("2026-W53"), null, 1));
        assertThat(months).containsExactly(row(List.of("2024-12"), null, 1), row(List.of("2026-03"), null, 2),
                row(List.of("2027-01"), null, 1));
    }

    /**
     * Two group keys, ordered by the first, then the second; summing money splits a group by
     * currency, ordered by currency code, and every row carries its currency.
     */
    @Test
    default void aggregateGroupsByTwoKeysInKeyOrder() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        QueryFixtures.insertAll(store, Transaction::opportunities, List.of(
                deal(store, tenant, account, "u-a", "2026-03-31", money("100.00", CNY)),
                deal(store, tenant, account, "u-a", "2026-04-01", money("200.50", CNY)),
                deal(store, tenant, account, "u-b", "2026-01-15", money("7.00", USD)),
                deal(store, tenant, account, "u-a", "2026-04-30", money("0.50", CNY)),
                deal(store, tenant, account, "u-a", null, money("1.00", CNY)),
                deal(store, tenant, account, "u-b", "2026-02-28", money("3.00", CNY))));

        List<AggregateRow> rows = aggregate(store, Transaction::opportunities, tenant,
                AggregateQuery.count(null, Grouping.by("owner"), Grouping.byPeriod("expectedCloseDate", PeriodUnit.QUARTER))
                        .summing("amount"), context());

        assertThat(rows).containsExactly(
                row(Arrays.asList("u-a", null), CNY, 1, "1.00"),
                row(List.of("u-a", "2026-Q1"), CNY, 1, "100.00"),
                row(List.of("u-a", "2026-Q2"), CNY, 2, "201.00"),
                row(List.of("u-b", "2026-Q1"), CNY, 1, "3.00"),
                row(List.of("u-b", "2026-Q1"), USD, 1, "7.00"));
    }

    /**
     * Money is summed per currency, never across: each row carries its currency and its sums exactly
     * at that currency's scale ({@code 0.10 + 0.20 = 0.30}, yen without decimals), whether grouped or
     * not.
     */
    @Test
    default void aggregateSumsMoneyPerCurrencyExactly() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        AccountId account = anAccount(store, tenant);
        insertPayments(store,
                received(store, tenant, account, PaymentMethod.BANK_TRANSFER, money("100.10", CNY), money("100.10", CNY)),
                received(store, tenant, account, PaymentMethod.BANK_TRANSFER, money("200.20", CNY), null),
                received(store, tenant, account, PaymentMethod.BANK_TRANSFER, money("50.05", USD), null),
                received(store, tenant, account, PaymentMethod.CASH, money("0.10", CNY), money("0.10", CNY)),
                received(store, tenant, account, PaymentMethod.CASH, money("0.20", CNY), money("0.10", CNY)),
                received(store, tenant, account, PaymentMethod.CASH, money("1000", JPY), null),
                received(store, tenant, account, PaymentMethod.CASH, money("500", JPY), money("1", JPY)));

        List<AggregateRow> byMethod = aggregate(store, Transaction::payments, tenant,
                AggregateQuery.count(null, Grouping.by("method")).summing("amount", "allocated"), context());
        List<AggregateRow> total = aggregate(store, Transaction::payments, tenant,
                AggregateQuery.count(null).summing("amount"), context());

        // AggregateRow equality compares the BigDecimal sums with equals, so the scale must be exact too.
        assertThat(byMethod).containsExactly(
                row(List.of("BANK_TRANSFER"), CNY, 2, "300.30", "100.10"),
                row(List.of("BANK_TRANSFER"), USD, 1, "50.05", "0.00"),
                row(List.of("CASH"), CNY, 2, "0.30", "0.20"),
                row(List.of("CASH"), JPY, 2, "1500", "1"));
        assertThat(total).containsExactly(
                row(List.of(), CNY, 4, "300.60"),
                row(List.of(), JPY, 2, "1500"),
                row(List.of(), USD, 1, "50.05"));
    }

    /**
     * Numbers (here a custom number field) are summed exactly; a group where no record has a value
     * sums to zero; rows without money carry no currency.
     */
    @Test
    default void aggregateSumsNumbersExactly() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        insertAccounts(store,
                account(store, tenant, "A 1.5").level("A").customFields(custom("budget", number("1.5"))),
                account(store, tenant, "A 2.25").level("A").customFields(custom("budget", number("2.25"))),
                account(store, tenant, "A none").level("A"),
                account(store, tenant, "B none").level("B"),
                account(store, tenant, "no level 0.1").customFields(custom("budget", number("0.1"))),
                account(store, tenant, "no level 0.2").customFields(custom("budget", number("0.2"))),
                account(store, tenant, "no level big")
                        .customFields(custom("budget", number("12345678901234567890.000000001"))));

        List<AggregateRow> rows = aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(null, Grouping.by("level")).summing("custom.budget"), context());

        assertThat(rows).hasSize(3);
        assertRow(rows.get(0), nullKey(), null, 3, "12345678901234567890.300000001");
        assertRow(rows.get(1), List.of("A"), null, 3, "3.75");
        assertRow(rows.get(2), List.of("B"), null, 1, "0");
    }

    /**
     * Numbers group by value, as conditions compare them: 2, 2.0 and 2.00 are one group with key
     * {@code 2} (a SQL store must not group by the stored text or scale); 0.50 has key {@code 0.5}.
     */
    @Test
    default void aggregateGroupsNumbersByValueWithoutTrailingZeros() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        insertAccounts(store,
                account(store, tenant, "two").customFields(custom("seats", number("2"))),
                account(store, tenant, "two point zero").customFields(custom("seats", number("2.0"))),
                account(store, tenant, "two point zero zero").customFields(custom("seats", number("2.00"))),
                account(store, tenant, "half").customFields(custom("seats", number("0.50"))));

        List<AggregateRow> rows = aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(null, Grouping.by("custom.seats")), context());

        assertThat(rows).extracting(AggregateRow::keys, AggregateRow::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("0.5"), 1L),
                org.assertj.core.groups.Tuple.tuple(List.of("2"), 3L));
    }

    /**
     * The filter decides which records count, with the same semantics as {@code query} and in the
     * context's zone; the tenant's records only.
     */
    @Test
    default void aggregateAppliesTheFilterInTheTenantZone() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        TenantId neighbour = newTenant();
        for (TenantId t : List.of(tenant, neighbour)) {
            insertAccounts(store,
                    account(store, t, "never followed up " + t.value()).level("A"),
                    account(store, t, "1 Apr 23:59:59 Shanghai " + t.value()).level("A")
                            .lastFollowUpAt(Instant.parse("2026-04-01T15:59:59Z")).dealStatus(DealStatus.WON),
                    account(store, t, "2 Apr 00:00 Shanghai " + t.value()).level("B")
                            .lastFollowUpAt(Instant.parse("2026-04-01T16:00:00Z")),
                    account(store, t, "yesterday " + t.value()).lastFollowUpAt(Instant.parse("2026-04-15T04:00:00Z")));
        }
        Condition stale = Condition.daysSince("lastFollowUpAt", 15);

        List<AggregateRow> shanghai = aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(stale, Grouping.by("dealStatus")), context());
        List<AggregateRow> utc = aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(stale, Grouping.by("dealStatus")), new QueryContext(NOW, ZoneId.of("UTC")));
        List<AggregateRow> levelNotA = aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(Condition.ne("level", choice("A"))), context());

        assertThat(shanghai).containsExactly(row(List.of("NOT_YET"), null, 1), row(List.of("WON"), null, 1));
        assertThat(utc).containsExactly(row(List.of("NOT_YET"), null, 2), row(List.of("WON"), null, 1));
        assertThat(levelNotA).as("NE is false on an empty level").containsExactly(row(List.of(), null, 1));
    }

    /**
     * An empty tenant (or a filter nothing matches) has no groups, so a grouped aggregate has no rows.
     * Without group keys the SPI does not say whether the total of nothing is no row or one row
     * counting 0; either is accepted, but such a row must count 0 and sum to zero.
     */
    @Test
    default void aggregateOnAnEmptyTenantHasNoGroups() {
        CrmStore store = store();
        TenantId empty = newTenant();
        TenantId other = newTenant();
        insertAccounts(store, account(store, other, "someone else's").level("A"));

        assertThat(aggregate(store, Transaction::accounts, empty,
                AggregateQuery.count(null, Grouping.by("level")), context())).isEmpty();
        assertThat(aggregate(store, Transaction::accounts, empty,
                AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", PeriodUnit.MONTH)), context())).isEmpty();
        assertThat(aggregate(store, Transaction::payments, empty,
                AggregateQuery.count(null, Grouping.by("method")).summing("amount"), context())).isEmpty();
        assertThat(aggregate(store, Transaction::accounts, other,
                AggregateQuery.count(Condition.eq("level", choice("Z")), Grouping.by("level")), context())).isEmpty();

        for (AggregateRow row : aggregate(store, Transaction::accounts, empty,
                AggregateQuery.count(null).summing("custom.budget"), context())) {
            assertThat(row.count()).as("the total of nothing").isZero();
            assertThat(row.sums()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo(BigDecimal.ZERO));
        }
        assertThat(aggregate(store, Transaction::payments, empty,
                AggregateQuery.count(null).summing("amount"), context())).hasSizeLessThanOrEqualTo(1);
    }

    /**
     * Queries a store cannot run are rejected with a {@link ValidationException} before any record is
     * read (so also on an empty tenant): an unknown field to group by, sum or filter on, a period of a
     * field that is no date or instant, a sum of a field that is neither money nor a number.
     */
    @Test
    default void aggregateRejectsUnknownAndUnsummableFields() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<AggregateQuery> accountQueries = List.of(
                AggregateQuery.count(null, Grouping.by("noSuchField")),
                AggregateQuery.count(null).summing("noSuchField"),
                AggregateQuery.count(Condition.eq("noSuchField", choice("x")), Grouping.by("level")),
                AggregateQuery.count(null, Grouping.byPeriod("name", PeriodUnit.MONTH)),
                AggregateQuery.count(null, Grouping.byPeriod("level", PeriodUnit.YEAR)),
                AggregateQuery.count(null).summing("name"),
                AggregateQuery.count(null).summing("dealStatus"),
                AggregateQuery.count(null).summing("lastFollowUpAt"));
        for (AggregateQuery query : accountQueries) {
            assertThatThrownBy(() -> aggregate(store, Transaction::accounts, tenant, query, context()))
                    .as("accounts: %s", query).isInstanceOf(ValidationException.class);
        }
        for (AggregateQuery query : List.of(AggregateQuery.count(null).summing("method"),
                AggregateQuery.count(null, Grouping.byPeriod("method", PeriodUnit.DAY)))) {
            assertThatThrownBy(() -> aggregate(store, Transaction::payments, tenant, query, context()))
                    .as("payments: %s", query).isInstanceOf(ValidationException.class);
        }
    }

    /**
     * For random payments (three currencies, methods and owners; dates and instants around period
     * ends) and a query drawn from fixed groupings, sums and filters, in one of three zones, the
     * store's rows equal the rows computed in Java from the same payments: same groups, counts,
     * currencies, exact sums at the currency's scale, same order.
     */
    @Test
    default void aggregateAgreesWithJavaOnRandomPayments() {
        CrmStore store = store();
        qt().withExamples(200).withShrinkCycles(300).forAll(QueryFixtures.aggregateExamples()).checkAssert(example -> {
            TenantId tenant = newTenant();
            AccountId account = anAccount(store, tenant);
            List<Payment> stored = QueryFixtures.insertAll(store, Transaction::payments,
                    example.payments().stream().map(p -> p.build(store, tenant, account)).toList());
            QueryContext context = new QueryContext(NOW, example.zone());

            List<AggregateRow> actual = aggregate(store, Transaction::payments, tenant, example.query(), context);

            assertThat(actual).as("%s", example.query()).isEqualTo(expectedRows(stored, example, context));
        });
    }

    // ------------------------------------------------------------------ helpers

    private static List<AggregateRow> expectedRows(List<Payment> payments, AggregateExample example,
            QueryContext context) {
        AggregateQuery query = example.query();
        boolean money = !query.sums().isEmpty();
        Comparator<List<String>> byKeys = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int order = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
        Map<List<String>, Map<String, List<Payment>>> groups = new TreeMap<>(byKeys);
        for (Payment payment : payments) {
            if (!ConditionEvaluator.matches(query.filter(), payment, context.now(), context.zone())) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (Grouping grouping : query.groupBy()) {
                keys.add(javaKey(payment, grouping, context.zone()));
            }
            // Money is summed per currency: the currency is the last, implicit key (none without money sums).
            String currency = money ? payment.amount().currency().getCurrencyCode() : "";
            groups.computeIfAbsent(keys, k -> new TreeMap<>()).computeIfAbsent(currency, c -> new ArrayList<>()).add(payment);
        }
        List<AggregateRow> rows = new ArrayList<>();
        groups.forEach((keys, byCurrency) -> byCurrency.forEach((code, members) -> {
            Currency currency = money ? Currency.getInstance(code) : null;
            List<BigDecimal> sums = new ArrayList<>();
            for (String field : query.sums()) {
                Function<Payment, Money> read = field.equals("amount") ? Payment::amount : Payment::allocated;
                sums.add(Money.sum(currency, members.stream().map(read).toList()).amount());
            }
            rows.add(new AggregateRow(keys, currency, members.size(), sums));
        }));
        return rows;
    }

    /** The group key of a payment, computed here rather than by the library, from the documented formats. */
    private static String javaKey(Payment payment, Grouping grouping, ZoneId zone) {
        if (grouping instanceof Grouping.ByField byField) {
            return switch (byField.field()) {
                case "method" -> payment.method().name();
                case "owner" -> payment.owner().value();
                default -> throw new IllegalArgumentException("no reference key for " + byField.field());
            };
        }
        Grouping.ByPeriod byPeriod = (Grouping.ByPeriod) grouping;
        LocalDate day = switch (byPeriod.field()) {
            case "receivedOn" -> payment.receivedOn();
            case "createdAt" -> LocalDate.ofInstant(payment.createdAt(), zone);
            default -> throw new IllegalArgumentException("no reference period for " + byPeriod.field());
        };
        return switch (byPeriod.unit()) {
            case DAY -> String.format("%04d-%02d-%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            case WEEK -> String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
            case QUARTER -> String.format("%04d-Q%d", day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> String.format("%04d", day.getYear());
        };
    }

    private static List<AggregateRow> byPeriod(CrmStore store, TenantId tenant, PeriodUnit unit, QueryContext context) {
        return aggregate(store, Transaction::accounts, tenant,
                AggregateQuery.count(null, Grouping.byPeriod("lastFollowUpAt", unit)), context);
    }

    private static List<AggregateRow> aggregate(CrmStore store, Function<Transaction, ? extends RecordStore<?, ?>> kind, TenantId tenant,
            AggregateQuery query, QueryContext context) {
        return store.transact(tx -> kind.apply(tx).aggregate(tenant, query, context));
    }

    private static AggregateRow row(List<String> keys, Currency currency, long count, String... sums) {
        return new AggregateRow(keys, currency, count, Arrays.stream(sums).map(BigDecimal::new).toList());
    }

    /** Checks a row whose sums are numbers: equal in value, whatever their scale. */
    private static void assertRow(AggregateRow actual, List<String> keys, Currency currency, long count, String... sums) {
        assertThat(actual.keys()).as("keys of %s", actual).isEqualTo(keys);
        assertThat(actual.currency()).as("currency of %s", actual).isEqualTo(currency);
        assertThat(actual.count()).as("count of %s", actual).isEqualTo(count);
        assertThat(actual.sums()).as("sums of %s", actual).hasSize(sums.length);
        for (int i = 0; i < sums.length; i++) {
            assertThat(actual.sums().get(i)).as("sum %s of %s", i, actual).isEqualByComparingTo(sums[i]);
        }
    }

    private static List<String> nullKey() {
        return Arrays.asList((String) null);
    }

    private static AccountId anAccount(CrmStore store, TenantId tenant) {
        return insertAccounts(store, account(store, tenant, "payer")).get(0).id();
    }

    private static void insertPayments(CrmStore store, Payment... payments) {
        QueryFixtures.insertAll(store, Transaction::payments, List.of(payments));
    }

    private static Payment received(CrmStore store, TenantId tenant, AccountId account, PaymentMethod method,
            Money amount, Money allocated) {
        return QueryFixtures.payment(store, tenant, account, amount, LocalDate.parse("2026-04-01"))
                .method(method).allocated(allocated).build();
    }

    private static Opportunity deal(CrmStore store, TenantId tenant, AccountId account, String owner, String closeOn,
            Money amount) {
        return QueryFixtures.opportunity(store, tenant, account, amount).owner(user(owner))
                .expectedCloseDate(closeOn == null ? null : LocalDate.parse(closeOn)).build();
    }
}
