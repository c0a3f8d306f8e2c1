package io.crmkit.jdbc.sql;

import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Compare;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.Operator;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import io.crmkit.tck.QueryFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Random accounts and condition trees for the condition property. (The TCK's own generators are
 * package-private, so this is a smaller one of the same spirit.) Values come from small pools that sit
 * on the edges SQL gets wrong: trailing zeros, case, wildcards, day boundaries in three zones, money
 * of two currencies, a custom field holding different kinds on different records. Every draw shrinks
 * toward the first pool entry, an empty field and a single leaf.
 */
final class RandomConditions {
    private RandomConditions() {}

    /** An account to store. */
    record AccountDraft(String owner, String level, DealStatus dealStatus, Instant lastFollowUpAt, Instant lastDealAt,
            boolean locked, Map<String, CustomValue> custom) {}

    /** One example: accounts, conditions, and when and where they are evaluated. */
    record Example(List<AccountDraft> accounts, List<Condition> conditions, Instant now, ZoneId zone) {}

    private static final ZoneId SHANGHAI = QueryFixtures.SHANGHAI;
    private static final List<String> TEXTS = List.of("abc", "abc ", "ABC", "a_c", "a%c", "Müller", "客户", "");
    private static final List<String> PARTS = List.of("", "a", "bc", "ABC", "_", "%", " ", "ü", "客");
    private static final List<String> NUMBERS = List.of("0", "2", "2.00", "2.5", "-1", "10", "9.99", "100.000");
    private static final List<Money> AMOUNTS = List.of(QueryFixtures.money("0.00", QueryFixtures.CNY),
            QueryFixtures.money("99.99", QueryFixtures.CNY), QueryFixtures.money("100.00", QueryFixtures.CNY),
            QueryFixtures.money("100.00", QueryFixtures.USD));
    private static final List<LocalTime> TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.of(7, 59, 59),
            LocalTime.of(8, 0), LocalTime.of(15, 59, 59), LocalTime.of(16, 0), LocalTime.of(23, 59, 59));
    private static final List<Instant> NOWS = List.of(QueryFixtures.NOW, Instant.parse("2026-04-15T16:30:00Z"),
            Instant.parse("2026-04-15T15:59:59Z"), Instant.parse("2026-04-16T07:30:00Z"));
    private static final List<ZoneId> ZONES = List.of(SHANGHAI, ZoneId.of("UTC"), ZoneId.of("America/Los_Angeles"));
    private static final int DAYS_BACK = 5;

    private static final List<Operator> TEXT_OPS = List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
            Operator.IS_NULL, Operator.IS_NOT_NULL, Operator.CONTAINS);
    private static final List<Operator> FLAG_OPS = List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
            Operator.IS_NULL, Operator.IS_NOT_NULL);
    private static final List<Operator> ORDERED_OPS = List.of(Operator.EQ, Operator.NE, Operator.GT, Operator.GE,
            Operator.LT, Operator.LE, Operator.IN, Operator.NOT_IN, Operator.IS_NULL, Operator.IS_NOT_NULL);

    private record Field(String name, List<Operator> ops, boolean daysSince, Function<RandomnessSource, CustomValue> value) {}

    private static final List<Field> FIELDS = List.of(
            new Field("level", TEXT_OPS, false, in -> new CustomValue.Choice(pick(in, List.of("A", "B", "a")))),
            new Field("dealStatus", TEXT_OPS, false, in -> new CustomValue.Choice(pick(in, List.of("NOT_YET", "WON")))),
            new Field("owner", TEXT_OPS, false, in -> new CustomValue.Text(pick(in, List.of("u1", "u2")))),
            new Field("lastFollowUpAt", ORDERED_OPS, true, in -> new CustomValue.Timestamp(instant(in))),
            new Field("lastDealAt", ORDERED_OPS, true, in -> new CustomValue.Timestamp(instant(in))),
            new Field("locked", FLAG_OPS, false, in -> new CustomValue.Flag(pick(in, 2) == 1)),
            new Field("version", ORDERED_OPS, false, in -> number(pick(in, List.of("1", "1.0", "2")))),
            new Field("custom.budget", ORDERED_OPS, false, in -> number(pick(in, NUMBERS))),
            new Field("custom.vip", FLAG_OPS, false, in -> new CustomValue.Flag(pick(in, 2) == 1)),
            new Field("custom.signedOn", ORDERED_OPS, true, in -> new CustomValue.Date(day(in))),
            new Field("custom.contactedAt", ORDERED_OPS, true, in -> new CustomValue.Timestamp(instant(in))),
            new Field("custom.deposit", ORDERED_OPS, false, in -> new CustomValue.Amount(pick(in, AMOUNTS))),
            new Field("custom.region", TEXT_OPS, true, in -> new CustomValue.Text(pick(in, TEXTS))),
            new Field("custom.tier", TEXT_OPS, false, in -> new CustomValue.Choice(pick(in, List.of("gold", "silver")))),
            new Field("custom.tags", TEXT_OPS, false, in -> new CustomValue.Choice(pick(in, List.of("x", "y", "z")))),
            new Field("custom.mixed", ORDERED_OPS, true, in -> number(pick(in, NUMBERS))),
            new Field("custom.mixed", TEXT_OPS, false, in -> new CustomValue.Text(pick(in, NUMBERS))),
            new Field("custom.unset", TEXT_OPS, true, in -> new CustomValue.Text(pick(in, TEXTS))));

    /** Eight accounts and four condition trees (up to four levels deep) per example. */
    static Gen<Example> examples() {
        return in -> {
            List<AccountDraft> accounts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                accounts.add(account(in));
            }
            List<Condition> conditions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                conditions.add(condition(in, 1));
            }
            return new Example(accounts, conditions, pick(in, NOWS), pick(in, ZONES));
        };
    }

    private static AccountDraft account(RandomnessSource in) {
        Map<String, CustomValue> custom = new LinkedHashMap<>();
        maybePut(in, custom, "budget", () -> number(pick(in, NUMBERS)));
        maybePut(in, custom, "vip", () -> new CustomValue.Flag(pick(in, 2) == 1));
        maybePut(in, custom, "signedOn", () -> new CustomValue.Date(day(in)));
        maybePut(in, custom, "contactedAt", () -> new CustomValue.Timestamp(instant(in)));
        maybePut(in, custom, "deposit", () -> new CustomValue.Amount(pick(in, AMOUNTS)));
        maybePut(in, custom, "region", () -> new CustomValue.Text(pick(in, TEXTS)));
        maybePut(in, custom, "tier", () -> new CustomValue.Choice(pick(in, List.of("gold", "silver"))));
        maybePut(in, custom, "tags", () -> {
            List<String> options = new ArrayList<>();
            for (String option : List.of("x", "y", "z")) {
                if (pick(in, 2) == 1) {
                    options.add(option);
                }
            }
            return new CustomValue.Choices(options);
        });
        maybePut(in, custom, "mixed", () -> switch (pick(in, 4)) {
            case 0 -> number(pick(in, NUMBERS));
            case 1 -> new CustomValue.Text(pick(in, NUMBERS));
            case 2 -> new CustomValue.Date(day(in));
            default -> new CustomValue.Timestamp(instant(in));
        });
        return new AccountDraft(maybe(in, List.of("u1", "u2")), maybe(in, List.of("A", "B", "C")),
                pick(in, List.of(DealStatus.values())), pick(in, 3) == 0 ? null : instant(in),
                pick(in, 3) == 0 ? null : instant(in), pick(in, 2) == 1, custom);
    }

    private static Condition condition(RandomnessSource in, int depth) {
        int kind = depth >= 4 ? 0 : pick(in, 10);
        if (kind < 5) {
            return leaf(in);
        }
        if (kind < 9) {
            List<Condition> children = new ArrayList<>();
            int size = 1 + pick(in, 3);
            for (int i = 0; i < size; i++) {
                children.add(condition(in, depth + 1));
            }
            return kind < 7 ? Condition.all(children) : Condition.any(children);
        }
        return Condition.not(condition(in, depth + 1));
    }

    private static Condition leaf(RandomnessSource in) {
        Field field = pick(in, FIELDS);
        if (field.daysSince() && pick(in, 2) == 0) {
            return Condition.daysSince(field.name(), pick(in, DAYS_BACK + 2));
        }
        Operator op = pick(in, field.ops());
        List<CustomValue> values = new ArrayList<>();
        switch (op) {
            case IS_NULL, IS_NOT_NULL -> { }
            case CONTAINS -> values.add(new CustomValue.Text(pick(in, PARTS)));
            case IN, NOT_IN -> {
                int size = 1 + pick(in, 3);
                for (int i = 0; i < size; i++) {
                    values.add(field.value().apply(in));
                }
            }
            default -> values.add(field.value().apply(in));
        }
        return new Compare(field.name(), op, values);
    }

    private static CustomValue number(String value) {
        return new CustomValue.Number(new BigDecimal(value));
    }

    /** A Shanghai clock time on a day from DAYS_BACK days before 16 April 2026 to the day after. */
    private static Instant instant(RandomnessSource in) {
        return day(in).atTime(pick(in, TIMES)).atZone(SHANGHAI).toInstant();
    }

    private static LocalDate day(RandomnessSource in) {
        return LocalDate.of(2026, 4, 16).minusDays(pick(in, DAYS_BACK + 2) - 1L);
    }

    private static void maybePut(RandomnessSource in, Map<String, CustomValue> custom, String name,
            java.util.function.Supplier<CustomValue> value) {
        if (pick(in, 3) != 0) {
            custom.put(name, value.get());
        }
    }

    static <T> T pick(RandomnessSource in, List<T> options) {
        return options.get(pick(in, options.size()));
    }

    static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1L).withShrinkPoint(0));
    }

    private static <T> T maybe(RandomnessSource in, List<T> options) {
        int index = pick(in, options.size() + 1);
        return index == 0 ? null : options.get(index - 1);
    }
}
