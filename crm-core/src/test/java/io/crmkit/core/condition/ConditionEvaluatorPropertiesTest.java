package io.crmkit.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Laws of the evaluator over random accounts and random, checked condition trees. Accounts and trees
 * are built from a seed (printed by QuickTheories on failure); field values come from small pools so
 * that comparisons hit as often as they miss.
 */
class ConditionEvaluatorPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Shanghai"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Kiritimati"));
    private static final Instant BASE = Instant.parse("2026-10-01T00:00:00Z");

    private static final List<String> TEXT_FIELDS = List.of("name", "level", "source", "dealStatus", "poolId",
            "owner", "tenantId", "id");
    private static final List<String> FLAG_FIELDS = List.of("locked", "voided");
    private static final List<String> INSTANT_FIELDS = List.of("lastFollowUpAt", "lastDealAt", "ownedSince",
            "createdAt", "updatedAt");
    private static final List<String> CUSTOM_FIELDS = List.of("custom.region", "custom.score", "custom.vip",
            "custom.since", "custom.seen", "custom.limit", "custom.tags", "custom.unset");

    // ------------------------------------------------------------------ laws

    @Test
    void notInvertsEveryCondition() {
        qt().withExamples(500).forAll(longs().all(), longs().all(), integers().between(0, 3)).checkAssert((a, c, z) -> {
            Account account = account(new Random(a));
            Condition condition = condition(new Random(c), 4);
            ZoneId zone = ZONES.get(z);
            assertThat(eval(Condition.not(condition), account, zone)).as("%s on %s", condition, account)
                    .isEqualTo(!eval(condition, account, zone));
        });
    }

    @Test
    void allAndAnyAgreeWithAllMatchAndAnyMatch() {
        qt().withExamples(500).forAll(longs().all(), longs().all(), integers().between(1, 5)).checkAssert((a, c, n) -> {
            Account account = account(new Random(a));
            Random random = new Random(c);
            List<Condition> children = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                children.add(condition(random, 3));
            }
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            assertThat(eval(Condition.all(children), account, zone)).as("%s", children)
                    .isEqualTo(children.stream().allMatch(child -> eval(child, account, zone)));
            assertThat(eval(Condition.any(children), account, zone)).as("%s", children)
                    .isEqualTo(children.stream().anyMatch(child -> eval(child, account, zone)));
        });
    }

    @Test
    void deMorgan() {
        qt().withExamples(500).forAll(longs().all(), longs().all()).checkAssert((a, c) -> {
            Account account = account(new Random(a));
            Random random = new Random(c);
            Condition x = condition(random, 3);
            Condition y = condition(random, 3);
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            assertThat(eval(Condition.not(Condition.all(x, y)), account, zone))
                    .isEqualTo(eval(Condition.any(Condition.not(x), Condition.not(y)), account, zone));
            assertThat(eval(Condition.not(Condition.any(x, y)), account, zone))
                    .isEqualTo(eval(Condition.all(Condition.not(x), Condition.not(y)), account, zone));
        });
    }

    @Test
    void generatedConditionsPassTheCheckAndEvaluationNeverThrows() {
        qt().withExamples(1000).forAll(longs().all(), longs().all(), integers().between(0, 3)).checkAssert((a, c, z) -> {
            Account account = account(new Random(a));
            Condition condition = condition(new Random(c), 5);
            assertThatCode(() -> ConditionEvaluator.check(condition, Account.class)).as("%s", condition)
                    .doesNotThrowAnyException();
            assertThatCode(() -> ConditionEvaluator.matches(condition, account, NOW, ZONES.get(z))).as("%s", condition)
                    .doesNotThrowAnyException();
        });
    }

    @Test
    void emptinessIsExactlyOneOfIsNullAndIsNotNull() {
        List<String> fields = new ArrayList<>(TEXT_FIELDS);
        fields.addAll(INSTANT_FIELDS);
        fields.addAll(CUSTOM_FIELDS);
        qt().withExamples(300).forAll(longs().all()).checkAssert(a -> {
            Account account = account(new Random(a));
            for (String field : fields) {
                boolean empty = RecordFields.value(account, field) == null;
                assertThat(eval(Condition.isNull(field), account, ZONES.get(0))).as(field).isEqualTo(empty);
                assertThat(eval(Condition.isNotNull(field), account, ZONES.get(0))).as(field).isEqualTo(!empty);
            }
        });
    }

    @Test
    void onAFieldWithAValueOfTheRightKindNeIsNotEqAndNotInIsNotIn() {
        qt().withExamples(500).forAll(longs().all(), longs().all()).checkAssert((a, c) -> {
            Account account = account(new Random(a));
            Random random = new Random(c);
            String field = pick(random, TEXT_FIELDS);
            List<CustomValue> values = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                values.add(textValue(random, field));
            }
            ZoneId zone = ZONES.get(0);
            boolean empty = RecordFields.value(account, field) == null;
            boolean eq = eval(Condition.eq(field, values.get(0)), account, zone);
            boolean ne = eval(Condition.ne(field, values.get(0)), account, zone);
            boolean in = eval(Condition.in(field, values), account, zone);
            boolean notIn = eval(Condition.notIn(field, values), account, zone);
            if (empty) {
                assertThat(List.of(eq, ne, in, notIn)).containsOnly(false);
            } else {
                assertThat(ne).isEqualTo(!eq);
                assertThat(notIn).isEqualTo(!in);
                assertThat(in).isEqualTo(values.stream().anyMatch(v -> eval(Condition.eq(field, v), account, zone)));
            }
        });
    }

    @Test
    void aFieldEqualsItsOwnValueAndOrdersAgainstItConsistently() {
        qt().withExamples(500).forAll(longs().all(), longs().all()).checkAssert((a, c) -> {
            Account account = account(new Random(a));
            Random random = new Random(c);
            String field = pick(random, INSTANT_FIELDS);
            Instant value = (Instant) RecordFields.value(account, field);
            if (value == null) {
                return;
            }
            Instant other = value.plusSeconds(random.nextInt(200_001) - 100_000L);
            CustomValue ts = new CustomValue.Timestamp(other);
            ZoneId zone = ZONES.get(0);
            assertThat(eval(Condition.eq(field, new CustomValue.Timestamp(value)), account, zone)).isTrue();
            assertThat(eval(Condition.lt(field, ts), account, zone)).isEqualTo(value.isBefore(other));
            assertThat(eval(Condition.gt(field, ts), account, zone)).isEqualTo(value.isAfter(other));
            assertThat(eval(Condition.le(field, ts), account, zone)).isEqualTo(!value.isAfter(other));
            assertThat(eval(Condition.ge(field, ts), account, zone)).isEqualTo(!value.isBefore(other));
        });
    }

    @Test
    void daysSinceGrowsWithTime() {
        // Once a record has gone N days without follow-up, it stays so as time passes.
        qt().withExamples(500).forAll(longs().all(), integers().between(0, 60), integers().between(0, 100_000_000))
                .checkAssert((a, days, later) -> {
                    Account account = account(new Random(a));
                    ZoneId zone = ZONES.get(Math.floorMod(a, ZONES.size()));
                    Condition condition = Condition.daysSince("lastFollowUpAt", days);
                    if (ConditionEvaluator.matches(condition, account, NOW, zone)) {
                        assertThat(ConditionEvaluator.matches(condition, account, NOW.plusSeconds(later), zone)).isTrue();
                    }
                    if (days > 0) {
                        Condition fewer = Condition.daysSince("lastFollowUpAt", days - 1);
                        if (ConditionEvaluator.matches(condition, account, NOW, zone)) {
                            assertThat(ConditionEvaluator.matches(fewer, account, NOW, zone)).isTrue();
                        }
                    }
                });
    }

    @Test
    void theGeneratedLeavesMatchOftenAndMissOften() {
        // Guards the laws above against passing vacuously on trees that are always true or always false.
        Random random = new Random(42);
        int matched = 0;
        int total = 2000;
        for (int i = 0; i < total; i++) {
            if (eval(condition(random, 1), account(random), ZONES.get(i % ZONES.size()))) {
                matched++;
            }
        }
        assertThat(matched).isBetween(total / 5, total * 4 / 5);
    }

    private static boolean eval(Condition condition, Account account, ZoneId zone) {
        return ConditionEvaluator.matches(condition, account, NOW, zone);
    }

    // ------------------------------------------------------------------ accounts

    static Account account(Random r) {
        boolean owned = r.nextInt(3) > 0;
        UserId owner = owned ? UserId.of("u" + r.nextInt(4)) : null;
        PoolId pool = !owned || r.nextBoolean() ? PoolId.of("p" + r.nextInt(3)) : null;
        Instant created = BASE.plusSeconds(r.nextInt(30 * 86_400));
        List<TeamMember> team = new ArrayList<>();
        if (r.nextBoolean() && !UserId.of("u9").equals(owner)) {
            team.add(new TeamMember(UserId.of("u9"), TeamAccess.READ_ONLY));
        }
        return Account.builder()
                .id(AccountId.of("a" + r.nextInt(5))).tenantId(TenantId.of("t" + r.nextInt(2)))
                .name(pick(r, List.of("Acme Ltd", "Acme 有限公司", "Globex", "initech")))
                .level(maybe(r, pick(r, List.of("A", "B", "C"))))
                .source(maybe(r, pick(r, List.of("fair", "web", "Web"))))
                .dealStatus(r.nextBoolean() ? DealStatus.WON : DealStatus.NOT_YET)
                .poolId(pool).owner(owner).ownedSince(owned ? created.plusSeconds(r.nextInt(86_400)) : null)
                .teamMembers(team)
                .lastFollowUpAt(maybe(r, created.plusSeconds(r.nextInt(60 * 86_400))))
                .lastDealAt(maybe(r, created.plusSeconds(r.nextInt(60 * 86_400))))
                .locked(r.nextBoolean()).voided(r.nextBoolean())
                .customFields(customFields(r))
                .version(r.nextInt(4))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(86_400)))
                .build();
    }

    private static CustomFields customFields(Random r) {
        CustomFields fields = CustomFields.none();
        // Each custom field holds its usual kind most of the time, and sometimes another kind.
        for (String name : List.of("region", "score", "vip", "since", "seen", "limit", "tags")) {
            int roll = r.nextInt(6);
            if (roll == 0) {
                continue;
            }
            CustomValue value = roll == 1 ? anyValue(r) : switch (name) {
                case "region" -> new CustomValue.Text(pick(r, List.of("East", "East China", "west")));
                case "score" -> new CustomValue.Number(BigDecimal.valueOf(r.nextInt(5), r.nextInt(2)));
                case "vip" -> new CustomValue.Flag(r.nextBoolean());
                case "since" -> new CustomValue.Date(LocalDate.parse("2026-10-01").plusDays(r.nextInt(60)));
                case "seen" -> new CustomValue.Timestamp(BASE.plusSeconds(r.nextInt(60 * 86_400)));
                case "limit" -> new CustomValue.Amount(Money.ofMinor(r.nextInt(5) * 100L, pick(r,
                        List.of(java.util.Currency.getInstance("CNY"), java.util.Currency.getInstance("USD")))));
                default -> new CustomValue.Choices(r.nextInt(4) == 0 ? List.of()
                        : List.of(pick(r, List.of("a", "b", "c")), "z"));
            };
            fields = fields.with(name, value);
        }
        return fields;
    }

    // ------------------------------------------------------------------ conditions

    /** A random condition on Account fields that {@link ConditionEvaluator#check} accepts. */
    static Condition condition(Random r, int depth) {
        int roll = r.nextInt(depth <= 1 ? 6 : 10);
        if (roll >= 6) {
            if (roll == 6) {
                return Condition.not(condition(r, depth - 1));
            }
            List<Condition> children = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                children.add(condition(r, depth - 1));
            }
            return roll == 7 ? Condition.all(children) : Condition.any(children);
        }
        return switch (roll) {
            case 0, 1 -> textLeaf(r);
            case 2 -> instantLeaf(r);
            case 3 -> flagOrNumberLeaf(r);
            case 4 -> customLeaf(r);
            default -> Condition.daysSince(pick(r, r.nextBoolean() ? INSTANT_FIELDS : CUSTOM_FIELDS), r.nextInt(40));
        };
    }

    private static Condition textLeaf(Random r) {
        String field = pick(r, TEXT_FIELDS);
        return switch (r.nextInt(7)) {
            case 0 -> Condition.eq(field, textValue(r, field));
            case 1 -> Condition.ne(field, textValue(r, field));
            case 2 -> Condition.in(field, textValue(r, field), textValue(r, field));
            case 3 -> Condition.notIn(field, textValue(r, field), textValue(r, field));
            case 4 -> Condition.contains(field, pick(r, List.of("A", "cme", "有限", "e", "1")));
            case 5 -> Condition.isNull(field);
            default -> Condition.isNotNull(field);
        };
    }

    private static Condition instantLeaf(Random r) {
        String field = pick(r, INSTANT_FIELDS);
        CustomValue value = new CustomValue.Timestamp(BASE.plusSeconds(r.nextInt(60 * 86_400)));
        return compare(r, field, value, true);
    }

    private static Condition flagOrNumberLeaf(Random r) {
        if (r.nextBoolean()) {
            return compare(r, pick(r, FLAG_FIELDS), new CustomValue.Flag(r.nextBoolean()), false);
        }
        return compare(r, "version", new CustomValue.Number(BigDecimal.valueOf(r.nextInt(4), r.nextInt(2))), true);
    }

    private static Condition customLeaf(Random r) {
        String field = pick(r, CUSTOM_FIELDS);
        CustomValue value = anyValue(r);
        if (value instanceof CustomValue.Text text && r.nextInt(4) == 0) {
            return Condition.contains(field, text.value());
        }
        boolean ordered = value instanceof CustomValue.Number || value instanceof CustomValue.Date
                || value instanceof CustomValue.Timestamp || value instanceof CustomValue.Amount;
        return compare(r, field, value, ordered);
    }

    private static Condition compare(Random r, String field, CustomValue value, boolean ordered) {
        int roll = r.nextInt(ordered ? 10 : 6);
        return switch (roll) {
            case 0 -> Condition.eq(field, value);
            case 1 -> Condition.ne(field, value);
            case 2 -> Condition.in(field, value);
            case 3 -> Condition.notIn(field, value);
            case 4 -> Condition.isNull(field);
            case 5 -> Condition.isNotNull(field);
            case 6 -> Condition.gt(field, value);
            case 7 -> Condition.ge(field, value);
            case 8 -> Condition.lt(field, value);
            default -> Condition.le(field, value);
        };
    }

    private static CustomValue textValue(Random r, String field) {
        String text = switch (field) {
            case "name" -> pick(r, List.of("Acme Ltd", "acme ltd", "Globex"));
            case "level" -> pick(r, List.of("A", "B", "C", "a"));
            case "source" -> pick(r, List.of("fair", "web", "Web"));
            case "dealStatus" -> pick(r, List.of("WON", "NOT_YET", "won"));
            case "poolId" -> "p" + r.nextInt(4);
            case "owner" -> "u" + r.nextInt(5);
            case "tenantId" -> "t" + r.nextInt(3);
            default -> "a" + r.nextInt(6);
        };
        // Pick-list style fields get choices, the others text; IN lists must not mix the two.
        boolean choice = field.equals("level") || field.equals("source") || field.equals("dealStatus");
        return choice ? new CustomValue.Choice(text) : new CustomValue.Text(text);
    }

    private static CustomValue anyValue(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> new CustomValue.Text(pick(r, List.of("East", "East China", "a", "z")));
            case 1 -> new CustomValue.Choice(pick(r, List.of("a", "b", "East", "west")));
            case 2 -> new CustomValue.Number(BigDecimal.valueOf(r.nextInt(5), r.nextInt(2)));
            case 3 -> new CustomValue.Flag(r.nextBoolean());
            case 4 -> new CustomValue.Date(LocalDate.parse("2026-10-01").plusDays(r.nextInt(60)));
            case 5 -> new CustomValue.Timestamp(BASE.plusSeconds(r.nextInt(60 * 86_400)));
            default -> new CustomValue.Amount(Money.ofMinor(r.nextInt(5) * 100L,
                    java.util.Currency.getInstance(r.nextBoolean() ? "CNY" : "USD")));
        };
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static <T> T maybe(Random r, T value) {
        return r.nextInt(4) == 0 ? null : value;
    }
}
