package io.crmkit.tck;

import static io.crmkit.tck.QueryFixtures.CNY;
import static io.crmkit.tck.QueryFixtures.NOW;
import static io.crmkit.tck.QueryFixtures.SHANGHAI;
import static io.crmkit.tck.QueryFixtures.USD;
import static io.crmkit.tck.QueryFixtures.account;
import static io.crmkit.tck.QueryFixtures.amount;
import static io.crmkit.tck.QueryFixtures.choice;
import static io.crmkit.tck.QueryFixtures.context;
import static io.crmkit.tck.QueryFixtures.contextAt;
import static io.crmkit.tck.QueryFixtures.custom;
import static io.crmkit.tck.QueryFixtures.date;
import static io.crmkit.tck.QueryFixtures.flag;
import static io.crmkit.tck.QueryFixtures.insertAccounts;
import static io.crmkit.tck.QueryFixtures.newTenant;
import static io.crmkit.tck.QueryFixtures.number;
import static io.crmkit.tck.QueryFixtures.text;
import static io.crmkit.tck.QueryFixtures.timestamp;
import static io.crmkit.tck.QueryFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordId;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.Transaction;
import io.crmkit.tck.QueryFixtures.Matcher;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Condition trees pushed down into {@link RecordStore#query} and {@link RecordStore#count}: every
 * operator with hand-made examples at the exact boundaries, the null rules, "days since" on the
 * tenant's calendar, nesting, literal {@code CONTAINS}, and a property that holds the store's answers
 * equal to the reference interpreter ({@link ConditionEvaluator}) on random trees and records.
 *
 * <p>The semantics are those fixed on {@link Condition}, and, where it leaves a choice, the ones
 * {@link ConditionEvaluator} documents (text and pick-list options compare as text; amounts of two
 * currencies never compare; a multi-option field matches {@code EQ} when any of its options does).
 * These are the places a SQL compiler most easily drifts: three-valued {@code NULL} logic,
 * {@code LIKE} wildcards, collations that ignore case, accents or trailing spaces, numbers stored as
 * text or doubles, and dates taken in the database's zone instead of the tenant's.
 *
 * <p>All examples evaluate at {@link QueryFixtures#NOW} (20:00 on 16 April 2026 in Shanghai) in
 * {@link QueryFixtures#SHANGHAI}, unless a test moves the clock or the zone on purpose.
 */
public interface ConditionContract extends StoreUnderTest {

    // ------------------------------------------------------------------ null handling

    /**
     * On an empty field only {@code IS_NULL} is true; {@code NE} and {@code NOT_IN} are false, and
     * negating an operator (two-valued logic) makes the empty field match.
     */
    @TestFactory
    default Stream<DynamicTest> conditionEmptyFieldIsTrueOnlyForIsNull() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                account(store, tenant, "level A").level("A"),
                account(store, tenant, "level B").level("B"),
                account(store, tenant, "no level"));
        Matcher accounts = new Matcher(store, tenant, stored);
        return Stream.of(
                accounts.expect(Condition.eq("level", choice("A")), "level A"),
                accounts.expect(Condition.ne("level", choice("A")), "level B"),
                accounts.expect(Condition.not(Condition.eq("level", choice("A"))), "level B", "no level"),
                accounts.expect(Condition.in("level", choice("A"), choice("B")), "level A", "level B"),
                accounts.expect(Condition.notIn("level", choice("A")), "level B"),
                accounts.expect(Condition.not(Condition.in("level", choice("A"))), "level B", "no level"),
                accounts.expect(Condition.isNull("level"), "no level"),
                accounts.expect(Condition.isNotNull("level"), "level A", "level B"),
                accounts.expect(Condition.contains("level", "A"), "level A"),
                accounts.expect(Condition.not(Condition.contains("level", "A")), "level B", "no level"),
                accounts.expect(Condition.not(Condition.ne("level", choice("A"))), "level A", "no level"),
                accounts.expect(Condition.not(Condition.notIn("level", choice("B"))), "level B", "no level"),
                // Ordering operators on an empty field: false, and their negation true.
                accounts.expect(Condition.gt("custom.budget", number("0")), List.of()),
                accounts.expect(Condition.le("custom.budget", number("0")), List.of()),
                accounts.expect(Condition.not(Condition.lt("custom.budget", number("0"))),
                        "level A", "level B", "no level"),
                // A custom field no record has set is empty on every record.
                accounts.expect(Condition.isNull("custom.neverSet"), "level A", "level B", "no level"),
                accounts.expect(Condition.eq("custom.neverSet", text("x")), List.of()),
                accounts.expect(Condition.ne("custom.neverSet", text("x")), List.of()),
                accounts.expect(Condition.not(Condition.ne("custom.neverSet", text("x"))),
                        "level A", "level B", "no level"));
    }

    /** The same rules on the standard fields of an account waiting in a pool: its owner is empty. */
    @TestFactory
    default Stream<DynamicTest> conditionEmptyOwnerOfAPooledAccount() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        PoolId pool = PoolId.of("pool-east");
        List<Account> stored = insertAccounts(store,
                account(store, tenant, "owned by u1", user("u1"), pool),
                account(store, tenant, "owned by u2", user("u2"), null),
                account(store, tenant, "in the pool", null, pool));
        Matcher accounts = new Matcher(store, tenant, stored);
        return Stream.of(
                accounts.expect(Condition.eq("owner", text("u1")), "owned by u1"),
                accounts.expect(Condition.ne("owner", text("u1")), "owned by u2"),
                accounts.expect(Condition.not(Condition.eq("owner", text("u1"))), "owned by u2", "in the pool"),
                accounts.expect(Condition.isNull("owner"), "in the pool"),
                accounts.expect(Condition.eq("poolId", text("pool-east")), "owned by u1", "in the pool"),
                accounts.expect(Condition.ne("poolId", text("pool-east")), List.of()),
                accounts.expect(Condition.isNull("poolId"), "owned by u2"),
                accounts.expect(Condition.notIn("poolId", text("pool-west")), "owned by u1", "in the pool"));
    }

    // ------------------------------------------------------------------ every kind of value

    /**
     * Numbers compare by value: {@code 2 == 2.00}, {@code 9 < 10} (not as text), negative numbers
     * below positive ones, and 30 significant digits without rounding through a double.
     */
    @TestFactory
    default Stream<DynamicTest> conditionNumbersCompareByValue() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                withBudget(store, tenant, "-10"),
                withBudget(store, tenant, "1.99"),
                withBudget(store, tenant, "2"),
                withBudget(store, tenant, "2.00"),
                withBudget(store, tenant, "2.01"),
                withBudget(store, tenant, "9"),
                withBudget(store, tenant, "10"),
                withBudget(store, tenant, "12345678901234567890.123456789"),
                account(store, tenant, "no budget"));
        Matcher accounts = new Matcher(store, tenant, stored);
        String big = "budget 12345678901234567890.123456789";
        return Stream.of(
                accounts.expect(Condition.eq("custom.budget", number("2.000")), "budget 2", "budget 2.00"),
                accounts.expect(Condition.ne("custom.budget", number("2")),
                        "budget -10", "budget 1.99", "budget 2.01", "budget 9", "budget 10", big),
                accounts.expect(Condition.gt("custom.budget", number("2")), "budget 2.01", "budget 9", "budget 10", big),
                accounts.expect(Condition.ge("custom.budget", number("2")),
                        "budget 2", "budget 2.00", "budget 2.01", "budget 9", "budget 10", big),
                accounts.expect(Condition.lt("custom.budget", number("2")), "budget -10", "budget 1.99"),
                accounts.expect(Condition.le("custom.budget", number("2.0")), "budget -10", "budget 1.99", "budget 2",
                        "budget 2.00"),
                accounts.expect(Condition.lt("custom.budget", number("9.5")),
                        "budget -10", "budget 1.99", "budget 2", "budget 2.00", "budget 2.01", "budget 9"),
                accounts.expect(Condition.gt("custom.budget", number("-5")),
                        "budget 1.99", "budget 2", "budget 2.00", "budget 2.01", "budget 9", "budget 10", big),
                accounts.expect(Condition.in("custom.budget", number("2"), number("10.0")),
                        "budget 2", "budget 2.00", "budget 10"),
                accounts.expect(Condition.notIn("custom.budget", number("2"), number("10")),
                        "budget -10", "budget 1.99", "budget 2.01", "budget 9", big),
                accounts.expect(Condition.eq("custom.budget", number("12345678901234567890.123456789")), big),
                accounts.expect(Condition.gt("custom.budget", number("12345678901234567890.123456788")), big),
                accounts.expect(Condition.lt("custom.budget", number("12345678901234567890.123456789")),
                        "budget -10", "budget 1.99", "budget 2", "budget 2.00", "budget 2.01", "budget 9", "budget 10"),
                accounts.expect(Condition.isNull("custom.budget"), "no budget"),
                // A standard number field: every account was stored once, so it is at version 1.
                accounts.expect(Condition.eq("version", number("1.00")), stored),
                accounts.expect(Condition.gt("version", number("1")), List.of()));
    }

    /** Timestamps compare as instants, to the millisecond, on a standard and on a custom field. */
    @TestFactory
    default Stream<DynamicTest> conditionTimestampsCompareAtTheExactInstant() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        Instant t = Instant.parse("2026-04-01T08:00:00Z");
        List<Account> stored = insertAccounts(store,
                followedUp(store, tenant, "a millisecond before", t.minusMillis(1)),
                followedUp(store, tenant, "exactly", t),
                followedUp(store, tenant, "a millisecond after", t.plusMillis(1)),
                followedUp(store, tenant, "a day after", t.plusSeconds(86_400)),
                account(store, tenant, "never"));
        Matcher accounts = new Matcher(store, tenant, stored);
        List<DynamicTest> tests = new ArrayList<>();
        for (String field : List.of("lastFollowUpAt", "custom.contactedAt")) {
            tests.addAll(List.of(
                    accounts.expect(Condition.eq(field, timestamp(t)), "exactly"),
                    accounts.expect(Condition.ne(field, timestamp(t)), "a millisecond before", "a millisecond after",
                            "a day after"),
                    accounts.expect(Condition.gt(field, timestamp(t)), "a millisecond after", "a day after"),
                    accounts.expect(Condition.ge(field, timestamp(t)), "exactly", "a millisecond after", "a day after"),
                    accounts.expect(Condition.lt(field, timestamp(t)), "a millisecond before"),
                    accounts.expect(Condition.le(field, timestamp(t)), "a millisecond before", "exactly"),
                    accounts.expect(Condition.in(field, timestamp(t), timestamp(t.plusSeconds(86_400))),
                            "exactly", "a day after"),
                    accounts.expect(Condition.notIn(field, timestamp(t)), "a millisecond before",
                            "a millisecond after", "a day after"),
                    accounts.expect(Condition.isNull(field), "never")));
        }
        return tests.stream();
    }

    /** Dates compare as calendar dates, across a year boundary, on a custom date field. */
    @TestFactory
    default Stream<DynamicTest> conditionDatesCompareAsCalendarDates() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                signedOn(store, tenant, "2025-12-31"),
                signedOn(store, tenant, "2026-01-01"),
                signedOn(store, tenant, "2026-01-02"),
                signedOn(store, tenant, "2026-10-01"),
                account(store, tenant, "unsigned"));
        Matcher accounts = new Matcher(store, tenant, stored);
        String signed = "custom.signedOn";
        return Stream.of(
                accounts.expect(Condition.eq(signed, date("2026-01-01")), "signed 2026-01-01"),
                accounts.expect(Condition.ne(signed, date("2026-01-01")),
                        "signed 2025-12-31", "signed 2026-01-02", "signed 2026-10-01"),
                accounts.expect(Condition.gt(signed, date("2026-01-01")), "signed 2026-01-02", "signed 2026-10-01"),
                accounts.expect(Condition.ge(signed, date("2026-01-01")),
                        "signed 2026-01-01", "signed 2026-01-02", "signed 2026-10-01"),
                accounts.expect(Condition.lt(signed, date("2026-01-01")), "signed 2025-12-31"),
                accounts.expect(Condition.le(signed, date("2026-01-01")), "signed 2025-12-31", "signed 2026-01-01"),
                accounts.expect(Condition.lt(signed, date("2026-09-30")),
                        "signed 2025-12-31", "signed 2026-01-01", "signed 2026-01-02"),
                accounts.expect(Condition.in(signed, date("2025-12-31"), date("2026-10-01")),
                        "signed 2025-12-31", "signed 2026-10-01"),
                accounts.expect(Condition.notIn(signed, date("2025-12-31")),
                        "signed 2026-01-01", "signed 2026-01-02", "signed 2026-10-01"),
                accounts.expect(Condition.isNull(signed), "unsigned"));
    }

    /**
     * Amounts compare within one currency; an amount of another currency is never equal, unequal,
     * greater or less (comparing 100 CNY with 100 USD means nothing), so only {@code IS_NULL} and
     * {@code IS_NOT_NULL} see it.
     */
    @TestFactory
    default Stream<DynamicTest> conditionAmountsCompareWithinOneCurrency() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                deposit(store, tenant, "99.99", "CNY"),
                deposit(store, tenant, "100.00", "CNY"),
                deposit(store, tenant, "100.01", "CNY"),
                deposit(store, tenant, "100.00", "USD"),
                account(store, tenant, "no deposit"));
        Matcher accounts = new Matcher(store, tenant, stored);
        String field = "custom.deposit";
        return Stream.of(
                accounts.expect(Condition.eq(field, amount("100", CNY)), "deposit 100.00 CNY"),
                accounts.expect(Condition.eq(field, amount("100.00", USD)), "deposit 100.00 USD"),
                accounts.expect(Condition.ne(field, amount("100.00", CNY)), "deposit 99.99 CNY", "deposit 100.01 CNY"),
                accounts.expect(Condition.ge(field, amount("100.00", CNY)), "deposit 100.00 CNY", "deposit 100.01 CNY"),
                accounts.expect(Condition.gt(field, amount("100.00", CNY)), "deposit 100.01 CNY"),
                accounts.expect(Condition.lt(field, amount("100.00", CNY)), "deposit 99.99 CNY"),
                accounts.expect(Condition.le(field, amount("100.00", CNY)), "deposit 99.99 CNY", "deposit 100.00 CNY"),
                accounts.expect(Condition.lt(field, amount("1000.00", USD)), "deposit 100.00 USD"),
                accounts.expect(Condition.in(field, amount("99.99", CNY), amount("100.00", USD)),
                        "deposit 99.99 CNY", "deposit 100.00 USD"),
                accounts.expect(Condition.notIn(field, amount("100.00", CNY)), "deposit 99.99 CNY", "deposit 100.01 CNY"),
                accounts.expect(Condition.isNotNull(field),
                        "deposit 99.99 CNY", "deposit 100.00 CNY", "deposit 100.01 CNY", "deposit 100.00 USD"));
    }

    /** Flags: a standard yes/no field and a custom one, where unset is neither yes nor no. */
    @TestFactory
    default Stream<DynamicTest> conditionFlagsAreYesNoOrEmpty() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                account(store, tenant, "locked vip").locked(true).customFields(custom("vip", flag(true))),
                account(store, tenant, "open non-vip").customFields(custom("vip", flag(false))),
                account(store, tenant, "open unknown"));
        Matcher accounts = new Matcher(store, tenant, stored);
        return Stream.of(
                accounts.expect(Condition.eq("locked", flag(true)), "locked vip"),
                accounts.expect(Condition.eq("locked", flag(false)), "open non-vip", "open unknown"),
                accounts.expect(Condition.ne("locked", flag(true)), "open non-vip", "open unknown"),
                accounts.expect(Condition.eq("custom.vip", flag(false)), "open non-vip"),
                accounts.expect(Condition.ne("custom.vip", flag(true)), "open non-vip"),
                accounts.expect(Condition.not(Condition.eq("custom.vip", flag(true))), "open non-vip", "open unknown"),
                accounts.expect(Condition.in("custom.vip", flag(true), flag(false)), "locked vip", "open non-vip"),
                accounts.expect(Condition.isNull("custom.vip"), "open unknown"));
    }

    /**
     * Pick-list fields: a single option compares as text (a {@code choice} or a {@code text} value);
     * a multi-option field ({@code choices}) matches {@code EQ}/{@code IN} when any of its options
     * does, {@code NE}/{@code NOT_IN} when none does, and an empty option list is a value that equals
     * nothing (as {@link ConditionEvaluator} documents).
     */
    @TestFactory
    default Stream<DynamicTest> conditionPickListsMatchByOption() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                account(store, tenant, "gold x y").customFields(CustomFields.none()
                        .with("tier", choice("gold")).with("tags", QueryFixtures.choices("x", "y"))),
                account(store, tenant, "silver y").customFields(CustomFields.none()
                        .with("tier", choice("silver")).with("tags", QueryFixtures.choices("y"))),
                account(store, tenant, "no tags").customFields(custom("tags", QueryFixtures.choices())),
                account(store, tenant, "nothing set"));
        Matcher accounts = new Matcher(store, tenant, stored);
        return Stream.of(
                accounts.expect(Condition.eq("custom.tier", choice("gold")), "gold x y"),
                accounts.expect(Condition.eq("custom.tier", text("gold")), "gold x y"),
                accounts.expect(Condition.ne("custom.tier", choice("gold")), "silver y"),
                accounts.expect(Condition.in("custom.tier", choice("gold"), choice("silver")), "gold x y", "silver y"),
                accounts.expect(Condition.eq("custom.tags", choice("x")), "gold x y"),
                accounts.expect(Condition.eq("custom.tags", choice("y")), "gold x y", "silver y"),
                accounts.expect(Condition.in("custom.tags", choice("x"), choice("z")), "gold x y"),
                accounts.expect(Condition.ne("custom.tags", choice("x")), "silver y", "no tags"),
                accounts.expect(Condition.notIn("custom.tags", choice("x"), choice("y")), "no tags"),
                accounts.expect(Condition.isNull("custom.tags"), "nothing set"),
                accounts.expect(Condition.isNotNull("custom.tags"), "gold x y", "silver y", "no tags"),
                accounts.expect(Condition.eq("dealStatus", choice("WON")), List.of()),
                accounts.expect(Condition.eq("dealStatus", choice("NOT_YET")), stored));
    }

    // ------------------------------------------------------------------ text

    /**
     * {@code CONTAINS} is a literal substring test: {@code %}, {@code _}, {@code \}, {@code [}, quotes
     * and dots in the searched text match only themselves (a SQL store must escape its {@code LIKE}
     * pattern, a regular-expression store its pattern).
     */
    @TestFactory
    default Stream<DynamicTest> conditionContainsIsLiteral() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<String> names = List.of("50% off", "500 off", "a_b", "axb", "back\\slash", "backslash", "O'Brien",
                "OBrien", "say \"hi\"", "say hi", "x[ab]y", "a", "a.c", "abc", "Acme Ltd", "ACME Co");
        List<Account.Builder> builders = new ArrayList<>();
        for (String name : names) {
            // The same text in a custom field, which a SQL store usually keeps in a JSON document.
            builders.add(account(store, tenant, name).customFields(custom("region", text(name))));
        }
        List<Account> stored = insertAccounts(store, builders.toArray(Account.Builder[]::new));
        Matcher accounts = new Matcher(store, tenant, stored);
        List<DynamicTest> tests = new ArrayList<>();
        for (String field : List.of("name", "custom.region")) {
            tests.addAll(List.of(
                    accounts.expect(Condition.contains(field, "%"), "50% off"),
                    accounts.expect(Condition.contains(field, "0% o"), "50% off"),
                    accounts.expect(Condition.contains(field, "_"), "a_b"),
                    accounts.expect(Condition.contains(field, "a_b"), "a_b"),
                    accounts.expect(Condition.contains(field, "%_"), List.of()),
                    accounts.expect(Condition.contains(field, "\\"), "back\\slash"),
                    accounts.expect(Condition.contains(field, "k\\s"), "back\\slash"),
                    accounts.expect(Condition.contains(field, "\\%"), List.of()),
                    accounts.expect(Condition.contains(field, "'"), "O'Brien"),
                    accounts.expect(Condition.contains(field, "O'B"), "O'Brien"),
                    accounts.expect(Condition.contains(field, "\""), "say \"hi\""),
                    accounts.expect(Condition.contains(field, "[ab]"), "x[ab]y"),
                    accounts.expect(Condition.contains(field, "."), "a.c"),
                    accounts.expect(Condition.contains(field, "a.c"), "a.c"),
                    accounts.expect(Condition.contains(field, "cme"), "Acme Ltd"),
                    accounts.expect(Condition.contains(field, "CME"), "ACME Co"),
                    accounts.expect(Condition.contains(field, "*"), List.of())));
        }
        return tests.stream();
    }

    /**
     * Text comparisons are exact: case, accents, sharp s and trailing spaces all count (a
     * case-insensitive, accent-insensitive or PAD SPACE collation gets these wrong).
     */
    @TestFactory
    default Stream<DynamicTest> conditionTextComparisonIsExactAndCaseSensitive() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<String> regions = List.of("abc", "abc ", "ABC", "Müller", "Muller", "straße", "strasse", "客户");
        List<Account.Builder> builders = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            // Numbered names: "abc" and "ABC" would be one name to the tenant's uniqueness rule,
            // which ignores case.
            builders.add(account(store, tenant, i + " [" + regions.get(i) + "]")
                    .customFields(custom("region", text(regions.get(i)))));
        }
        builders.add(account(store, tenant, "Acme Ltd"));
        List<Account> stored = insertAccounts(store, builders.toArray(Account.Builder[]::new));
        // Each account is known by its region here (the names are numbered), or by its name without one.
        Matcher accounts = new Matcher(store, tenant, Transaction::accounts, stored.stream().collect(Collectors.toMap(
                a -> a.id().value(),
                a -> a.customFields().get("region").map(v -> ((CustomValue.Text) v).value()).orElse(a.name()))));
        String field = "custom.region";
        return Stream.of(
                accounts.expect(Condition.eq(field, text("abc")), "abc"),
                accounts.expect(Condition.eq(field, text("abc ")), "abc "),
                accounts.expect(Condition.eq(field, text("Abc")), List.of()),
                accounts.expect(Condition.eq(field, text("Muller")), "Muller"),
                accounts.expect(Condition.eq(field, text("strasse")), "strasse"),
                accounts.expect(Condition.eq(field, text("客户")), "客户"),
                accounts.expect(Condition.in(field, text("ABC"), text("Müller")), "ABC", "Müller"),
                accounts.expect(Condition.ne(field, text("abc")), "abc ", "ABC", "Müller", "Muller", "straße", "strasse",
                        "客户"),
                accounts.expect(Condition.contains(field, "bc"), "abc", "abc "),
                accounts.expect(Condition.contains(field, "BC"), "ABC"),
                accounts.expect(Condition.contains(field, "ü"), "Müller"),
                accounts.expect(Condition.contains(field, "ss"), "strasse"),
                accounts.expect(Condition.eq("name", text("acme ltd")), List.of()),
                accounts.expect(Condition.eq("name", text("Acme Ltd")), "Acme Ltd"),
                accounts.expect(Condition.contains("name", "acme"), List.of()));
    }

    // ------------------------------------------------------------------ days since

    /**
     * "15 days without follow-up": a record never followed up matches; one followed up exactly 15
     * calendar days ago (Shanghai) matches at any hour of that day; one followed up 14 days ago does
     * not, even when more than 14 × 24 hours have passed.
     */
    @TestFactory
    default Stream<DynamicTest> conditionDaysSinceCountsCalendarDaysInTheTenantZone() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        // NOW is 2026-04-16 20:00 in Shanghai; 15 days before is 1 April.
        List<Account> stored = insertAccounts(store,
                account(store, tenant, "never followed up"),
                followedUp(store, tenant, "1 April 00:00 Shanghai", Instant.parse("2026-03-31T16:00:00Z")),
                followedUp(store, tenant, "1 April 12:00 Shanghai", Instant.parse("2026-04-01T04:00:00Z")),
                followedUp(store, tenant, "1 April 23:59:59 Shanghai", Instant.parse("2026-04-01T15:59:59Z")),
                followedUp(store, tenant, "2 April 00:00 Shanghai", Instant.parse("2026-04-01T16:00:00Z")),
                followedUp(store, tenant, "2 April 12:00 Shanghai", Instant.parse("2026-04-02T04:00:00Z")),
                followedUp(store, tenant, "1 May (future)", Instant.parse("2026-05-01T04:00:00Z")));
        Matcher accounts = new Matcher(store, tenant, stored);
        List<String> fifteenDays = List.of("never followed up", "1 April 00:00 Shanghai", "1 April 12:00 Shanghai",
                "1 April 23:59:59 Shanghai");
        return Stream.of(
                accounts.expect(Condition.daysSince("lastFollowUpAt", 15), fifteenDays),
                accounts.expect(Condition.all(Condition.isNotNull("lastFollowUpAt"), Condition.daysSince("lastFollowUpAt", 15)),
                        "1 April 00:00 Shanghai", "1 April 12:00 Shanghai", "1 April 23:59:59 Shanghai"),
                accounts.expect(Condition.daysSince("lastFollowUpAt", 14), "never followed up", "1 April 00:00 Shanghai",
                        "1 April 12:00 Shanghai", "1 April 23:59:59 Shanghai", "2 April 00:00 Shanghai",
                        "2 April 12:00 Shanghai"),
                accounts.expect(Condition.daysSince("lastFollowUpAt", 16), "never followed up"),
                accounts.expect(Condition.not(Condition.daysSince("lastFollowUpAt", 15)),
                        "2 April 00:00 Shanghai", "2 April 12:00 Shanghai", "1 May (future)"),
                // Zero days matches every record, a follow-up in the future included.
                accounts.expect(Condition.daysSince("lastFollowUpAt", 0), stored),
                // The same data in a UTC tenant: 2026-04-01T16:00Z is still 1 April there.
                accounts.expectIn(new QueryContext(NOW, ZoneId.of("UTC")), Condition.daysSince("lastFollowUpAt", 15),
                        "never followed up", "1 April 00:00 Shanghai", "1 April 12:00 Shanghai",
                        "1 April 23:59:59 Shanghai", "2 April 00:00 Shanghai"));
    }

    /**
     * The tenant's calendar decides "today" too: at 2026-04-15T16:30Z it is already 16 April in
     * Shanghai (so 1 April was 15 days ago) but still 15 April in UTC (14 days).
     */
    @Test
    default void conditionDaysSinceTodayIsTheTenantsDate() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                followedUp(store, tenant, "1 April 20:00 Shanghai", Instant.parse("2026-04-01T12:00:00Z")));
        Matcher accounts = new Matcher(store, tenant, stored);
        Instant justAfterMidnightInShanghai = Instant.parse("2026-04-15T16:30:00Z");
        Instant justBeforeMidnightInShanghai = Instant.parse("2026-04-15T15:59:59Z");
        Condition stale = Condition.daysSince("lastFollowUpAt", 15);

        accounts.assertMatches(contextAt(justAfterMidnightInShanghai), stale, List.of("1 April 20:00 Shanghai"));
        accounts.assertMatches(contextAt(justBeforeMidnightInShanghai), stale, List.of());
        accounts.assertMatches(new QueryContext(justAfterMidnightInShanghai, ZoneId.of("UTC")), stale, List.of());
    }

    /** "Days since" on the other instant field of an account and on custom timestamp and date fields. */
    @TestFactory
    default Stream<DynamicTest> conditionDaysSinceOnOtherDateAndInstantFields() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                account(store, tenant, "15 days")
                        .lastDealAt(Instant.parse("2026-04-01T15:59:59Z"))
                        .customFields(CustomFields.none()
                                .with("contactedAt", timestamp("2026-04-01T15:59:59Z"))
                                .with("signedOn", date("2026-04-01"))),
                account(store, tenant, "14 days")
                        .lastDealAt(Instant.parse("2026-04-01T16:00:00Z"))
                        .customFields(CustomFields.none()
                                .with("contactedAt", timestamp("2026-04-01T16:00:00Z"))
                                .with("signedOn", date("2026-04-02"))),
                account(store, tenant, "never"));
        Matcher accounts = new Matcher(store, tenant, stored);
        return Stream.of(
                accounts.expect(Condition.daysSince("lastDealAt", 15), "15 days", "never"),
                accounts.expect(Condition.daysSince("custom.contactedAt", 15), "15 days", "never"),
                accounts.expect(Condition.daysSince("custom.signedOn", 15), "15 days", "never"),
                accounts.expect(Condition.daysSince("custom.signedOn", 14), stored));
    }

    // ------------------------------------------------------------------ nesting

    /** All, Any and Not nest with two-valued logic: De Morgan holds, double negation is the identity. */
    @TestFactory
    default Stream<DynamicTest> conditionGroupsAndNegationsNest() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account> stored = insertAccounts(store,
                account(store, tenant, "A fair").level("A").source("fair"),
                account(store, tenant, "A web").level("A").source("web"),
                account(store, tenant, "B fair").level("B").source("fair"),
                account(store, tenant, "B -").level("B"),
                account(store, tenant, "- web").source("web"),
                account(store, tenant, "- -"));
        Matcher accounts = new Matcher(store, tenant, stored);
        Condition levelA = Condition.eq("level", choice("A"));
        Condition levelB = Condition.eq("level", choice("B"));
        Condition fair = Condition.eq("source", choice("fair"));
        Condition web = Condition.eq("source", choice("web"));
        Condition noSource = Condition.isNull("source");
        Condition deep = levelB;
        for (int i = 0; i < 10; i++) {
            deep = Condition.not(Condition.not(deep));
        }
        return Stream.of(
                accounts.expect(Condition.all(levelA, fair), "A fair"),
                accounts.expect(Condition.any(levelB, web), "A web", "B fair", "B -", "- web"),
                accounts.expect(Condition.not(Condition.all(levelA, fair)), "A web", "B fair", "B -", "- web", "- -"),
                accounts.expect(Condition.not(Condition.any(levelA, noSource)), "B fair", "- web"),
                accounts.expect(Condition.all(Condition.not(levelA), Condition.not(noSource)), "B fair", "- web"),
                accounts.expect(Condition.any(Condition.all(levelA, Condition.ne("source", choice("fair"))),
                        Condition.all(Condition.isNull("level"), noSource)), "A web", "- -"),
                accounts.expect(Condition.not(Condition.ne("source", choice("fair"))), "A fair", "B fair", "B -", "- -"),
                accounts.expect(Condition.all(List.of(web)), "A web", "- web"),
                accounts.expect(Condition.any(List.of(web)), "A web", "- web"),
                accounts.expect(deep, "B fair", "B -"),
                accounts.expect(Condition.all(Condition.any(levelA, levelB), Condition.any(fair, web),
                        Condition.not(Condition.all(levelB, fair))), "A fair", "A web"));
    }

    // ------------------------------------------------------------------ leads

    /** The same rules on leads: status, source, owner, pool and follow-up, and {@code countHeld}. */
    @TestFactory
    default Stream<DynamicTest> conditionOnLeads() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        LeadPoolId east = LeadPoolId.of("leads-east");
        LeadPoolId west = LeadPoolId.of("leads-west");
        UserId u1 = user("u1");
        AccountId convertedTo = AccountId.of("acc-converted");
        List<Lead> stored = QueryFixtures.insertAll(store, Transaction::leads, List.of(
                QueryFixtures.lead(store, tenant, "new u1 east").owner(u1).poolId(east).source("fair").build(),
                QueryFixtures.lead(store, tenant, "mql u1 east").owner(u1).poolId(east).status(LeadStatus.MQL)
                        .company("50% Discount Co").lastFollowUpAt(Instant.parse("2026-04-01T04:00:00Z")).build(),
                QueryFixtures.lead(store, tenant, "converted u1 east").owner(u1).poolId(east)
                        .status(LeadStatus.CONVERTED).convertedAccountId(convertedTo)
                        .convertedContactId(ContactId.of("con-converted")).convertedAt(NOW).source("web").build(),
                QueryFixtures.lead(store, tenant, "invalid u1 east").owner(u1).poolId(east).status(LeadStatus.INVALID)
                        .statusBeforeInvalid(LeadStatus.NEW).invalidReason("unreachable").build(),
                QueryFixtures.lead(store, tenant, "following u2 east").owner(user("u2")).poolId(east)
                        .status(LeadStatus.FOLLOWING_UP).lastFollowUpAt(Instant.parse("2026-04-02T04:00:00Z")).build(),
                QueryFixtures.lead(store, tenant, "new u1 west").owner(u1).poolId(west).source("fair").build(),
                QueryFixtures.pooledLead(store, tenant, "unclaimed east", east).company("50 Discount Co").build()));
        Map<String, String> names = stored.stream().collect(Collectors.toMap(l -> l.id().value(), Lead::personName));
        Matcher leads = new Matcher(store, tenant, Transaction::leads, names);
        List<DynamicTest> tests = new ArrayList<>(List.of(
                leads.expect(Condition.in("status", choice("NEW"), choice("MQL")),
                        "new u1 east", "mql u1 east", "new u1 west", "unclaimed east"),
                leads.expect(Condition.notIn("status", choice("CONVERTED"), choice("INVALID")),
                        "new u1 east", "mql u1 east", "following u2 east", "new u1 west", "unclaimed east"),
                leads.expect(Condition.eq("source", choice("fair")), "new u1 east", "new u1 west"),
                leads.expect(Condition.ne("source", choice("fair")), "converted u1 east"),
                leads.expect(Condition.not(Condition.eq("source", choice("fair"))), "mql u1 east", "converted u1 east",
                        "invalid u1 east", "following u2 east", "unclaimed east"),
                leads.expect(Condition.isNull("owner"), "unclaimed east"),
                leads.expect(Condition.all(Condition.eq("owner", text("u1")), Condition.eq("poolId", text("leads-east"))),
                        "new u1 east", "mql u1 east", "converted u1 east", "invalid u1 east"),
                leads.expect(Condition.contains("company", "50%"), "mql u1 east"),
                leads.expect(Condition.eq("convertedAccountId", text("acc-converted")), "converted u1 east"),
                leads.expect(Condition.daysSince("lastFollowUpAt", 15), "new u1 east", "mql u1 east",
                        "converted u1 east", "invalid u1 east", "new u1 west", "unclaimed east")));
        tests.add(dynamicTest("countHeld counts u1's workable leads of the east pool", () -> {
            long held = store.transact(tx -> tx.leads().countHeld(tenant, east, u1, context()));
            assertThat(held).isEqualTo(2);
        }));
        return tests.stream();
    }

    // ------------------------------------------------------------------ count and validation

    /** {@code count} is the number of records {@code query} pages through, and {@code count(null)} counts all. */
    @Test
    default void conditionCountEqualsTheRecordsQueryPagesThrough() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Account.Builder> builders = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            builders.add(account(store, tenant, "account " + i).level(i % 3 == 0 ? null : i % 3 == 1 ? "A" : "B")
                    .dealStatus(i % 2 == 0 ? DealStatus.WON : DealStatus.NOT_YET));
        }
        List<Account> stored = insertAccounts(store, builders.toArray(Account.Builder[]::new));
        QueryContext context = context();
        List<Condition> conditions = List.of(
                Condition.eq("level", choice("A")),
                Condition.not(Condition.eq("level", choice("A"))),
                Condition.ne("dealStatus", choice("WON")),
                Condition.any(Condition.isNull("level"), Condition.eq("dealStatus", choice("WON"))),
                Condition.eq("level", choice("Z")));
        for (Condition condition : conditions) {
            long expected = stored.stream().filter(a -> ConditionEvaluator.matches(condition, a, NOW, SHANGHAI)).count();
            for (int pageSize : new int[] {1, 2, 4, 100}) {
                List<Account> paged = QueryFixtures.queryAll(store, Transaction::accounts, tenant, condition, context, pageSize);
                assertThat(paged).as("%s, pages of %s", condition, pageSize).hasSize((int) expected);
                assertThat(QueryFixtures.ids(paged)).as("%s, pages of %s: ascending ids without repeats", condition, pageSize)
                        .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
            }
            assertThat(QueryFixtures.countAccounts(store, tenant, condition, context)).as("count %s", condition)
                    .isEqualTo(expected);
        }
        assertThat(QueryFixtures.countAccounts(store, tenant, null, context)).as("count(null)").isEqualTo(11);
    }

    /**
     * A condition naming a field the record type does not have is rejected with a
     * {@link ValidationException}, before any record is read, so also on an empty tenant and also when
     * nested deep in the tree.
     */
    @TestFactory
    default Stream<DynamicTest> conditionUnknownFieldIsRejectedEvenOnAnEmptyTenant() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        List<Condition> conditions = List.of(
                Condition.eq("noSuchField", text("x")),
                Condition.isNull("noSuchField"),
                Condition.daysSince("noSuchInstant", 15),
                Condition.all(Condition.eq("level", choice("A")), Condition.not(Condition.isNotNull("noSuchField"))),
                Condition.any(Condition.isNull("level"), Condition.contains("noSuchText", "x")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Condition condition : conditions) {
            tests.add(rejected("accounts: " + condition, store, Transaction::accounts, tenant, condition));
        }
        // Leads have no level: a field of another record type is unknown here.
        tests.add(rejected("leads: level", store, Transaction::leads, tenant, Condition.eq("level", choice("A"))));
        return tests.stream();
    }

    /**
     * A condition comparing a standard field with a value or an operator of the wrong kind is rejected
     * with a {@link ValidationException} (the {@link RecordStore#query} contract): an instant with
     * text, an order on text, "days since" on text.
     */
    @TestFactory
    default Stream<DynamicTest> conditionWrongKindOnAStandardFieldIsRejected() {
        CrmStore store = store();
        TenantId tenant = newTenant();
        insertAccounts(store, account(store, tenant, "one account"));
        return Stream.of(
                rejected("instant with text", store, Transaction::accounts, tenant,
                        Condition.eq("lastFollowUpAt", text("yesterday"))),
                rejected("order on text", store, Transaction::accounts, tenant, Condition.gt("name", number("1"))),
                rejected("days since on text", store, Transaction::accounts, tenant, Condition.daysSince("name", 3)),
                rejected("contains on an instant", store, Transaction::accounts, tenant,
                        Condition.contains("lastDealAt", "2026")));
    }

    // ------------------------------------------------------------------ property

    /**
     * For random condition trees over random accounts stored in a fresh tenant, the store's answer
     * (the ids {@code query} pages through, in order, and {@code count}) equals what the reference
     * interpreter {@link ConditionEvaluator} says about the same records. The records and values are
     * drawn from small pools around the boundaries (day starts in three zones, equal numbers at two
     * scales, wildcard characters, two currencies, fields holding a different kind on some records),
     * so matches are frequent and the interesting cases come up in every run.
     */
    @Test
    default void conditionQueryAgreesWithTheReferenceEvaluatorOnRandomTrees() {
        CrmStore store = store();
        qt().withExamples(250).withShrinkCycles(300).forAll(QueryFixtures.conditionExamples()).checkAssert(example -> {
            TenantId tenant = newTenant();
            List<Account> stored = insertAccounts(store, example.accounts().stream()
                    .map(draft -> draft.toBuilder(store, tenant)).toArray(Account.Builder[]::new));
            QueryContext context = new QueryContext(example.now(), example.zone());
            Map<String, String> names = stored.stream().collect(Collectors.toMap(a -> a.id().value(), Account::name));
            for (Condition condition : example.conditions()) {
                List<String> expected = QueryFixtures.sortedIds(stored.stream()
                        .filter(a -> ConditionEvaluator.matches(condition, a, example.now(), example.zone()))
                        .toList());
                List<String> actual = QueryFixtures.ids(
                        QueryFixtures.queryAll(store, Transaction::accounts, tenant, condition, context, 3));
                // Name the accounts the store got wrong, so the report says which records to look at.
                List<String> wronglyIncluded = actual.stream().filter(id -> !expected.contains(id))
                        .map(id -> names.getOrDefault(id, id)).toList();
                List<String> wronglyLeftOut = expected.stream().filter(id -> !actual.contains(id))
                        .map(names::get).toList();
                assertThat(actual).as("query %s%n  matched but should not: %s%n  should match but did not: %s%n"
                        + "  (or the order or repeats differ)", condition, wronglyIncluded, wronglyLeftOut)
                        .isEqualTo(expected);
                assertThat(QueryFixtures.countAccounts(store, tenant, condition, context))
                        .as("count %s", condition).isEqualTo(expected.size());
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private static Account.Builder withBudget(CrmStore store, TenantId tenant, String budget) {
        return account(store, tenant, "budget " + budget).customFields(custom("budget", number(budget)));
    }

    private static Account.Builder followedUp(CrmStore store, TenantId tenant, String name, Instant at) {
        return account(store, tenant, name).lastFollowUpAt(at).customFields(custom("contactedAt", timestamp(at)));
    }

    private static Account.Builder signedOn(CrmStore store, TenantId tenant, String day) {
        return account(store, tenant, "signed " + day).customFields(custom("signedOn", date(day)));
    }

    private static Account.Builder deposit(CrmStore store, TenantId tenant, String amount, String currency) {
        return account(store, tenant, "deposit " + amount + " " + currency)
                .customFields(custom("deposit", QueryFixtures.amount(amount, java.util.Currency.getInstance(currency))));
    }

    private static <T extends Aggregate<I>, I extends RecordId> DynamicTest rejected(String name, CrmStore store,
            Function<Transaction, ? extends RecordStore<T, I>> kind, TenantId tenant, Condition condition) {
        return dynamicTest(name, () -> {
            assertThatThrownBy(() -> store.transact(tx -> kind.apply(tx).query(tenant, condition, context(),
                    PageRequest.first(10)))).as("query").isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> store.transact(tx -> kind.apply(tx).count(tenant, condition, context())))
                    .as("count").isInstanceOf(ValidationException.class);
        });
    }
}
