package io.crmkit.core.condition;

import static io.crmkit.core.condition.Condition.all;
import static io.crmkit.core.condition.Condition.any;
import static io.crmkit.core.condition.Condition.contains;
import static io.crmkit.core.condition.Condition.daysSince;
import static io.crmkit.core.condition.Condition.eq;
import static io.crmkit.core.condition.Condition.ge;
import static io.crmkit.core.condition.Condition.gt;
import static io.crmkit.core.condition.Condition.in;
import static io.crmkit.core.condition.Condition.isNotNull;
import static io.crmkit.core.condition.Condition.isNull;
import static io.crmkit.core.condition.Condition.le;
import static io.crmkit.core.condition.Condition.lt;
import static io.crmkit.core.condition.Condition.ne;
import static io.crmkit.core.condition.Condition.not;
import static io.crmkit.core.condition.Condition.notIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final Sample FULL = Sample.full();
    static final Sample EMPTY = Sample.empty();

    static CustomValue text(String s) {
        return new CustomValue.Text(s);
    }

    static CustomValue choice(String s) {
        return new CustomValue.Choice(s);
    }

    static CustomValue number(String s) {
        return new CustomValue.Number(new BigDecimal(s));
    }

    static CustomValue flag(boolean b) {
        return new CustomValue.Flag(b);
    }

    static CustomValue date(String s) {
        return new CustomValue.Date(LocalDate.parse(s));
    }

    static CustomValue timestamp(String s) {
        return new CustomValue.Timestamp(Instant.parse(s));
    }

    static CustomValue amount(String s, String currency) {
        return new CustomValue.Amount(Money.of(s, currency));
    }

    /** Evaluates on the full sample, after checking the condition is valid for its type. */
    static boolean full(Condition condition) {
        return matches(condition, FULL);
    }

    static boolean empty(Condition condition) {
        return matches(condition, EMPTY);
    }

    static boolean matches(Condition condition, Sample sample) {
        ConditionEvaluator.check(condition, Sample.class);
        return ConditionEvaluator.matches(condition, sample, NOW, UTC);
    }

    @Nested
    class Text {
        @Test
        void equalityIsExactAndCaseSensitive() {
            assertThat(full(eq("name", text("Acme Ltd")))).isTrue();
            assertThat(full(eq("name", choice("Acme Ltd")))).isTrue();
            assertThat(full(eq("name", text("acme ltd")))).isFalse();
            assertThat(full(eq("name", text("Acme Ltd ")))).isFalse();
            assertThat(full(ne("name", text("acme ltd")))).isTrue();
            assertThat(full(ne("name", text("Acme Ltd")))).isFalse();
        }

        @Test
        void enumsCompareByNameIdsByValueCurrenciesByCode() {
            assertThat(full(eq("level", choice("A")))).isTrue();
            assertThat(full(eq("level", choice("a")))).isFalse();
            assertThat(full(ne("level", choice("B")))).isTrue();
            assertThat(full(eq("owner", text("alice")))).isTrue();
            assertThat(full(eq("owner", text("bob")))).isFalse();
            assertThat(full(eq("currency", text("CNY")))).isTrue();
            assertThat(full(in("currency", text("USD"), text("EUR")))).isFalse();
        }

        @Test
        void inAndNotIn() {
            assertThat(full(in("level", choice("B"), choice("A")))).isTrue();
            assertThat(full(in("level", choice("B")))).isFalse();
            assertThat(full(notIn("level", choice("B")))).isTrue();
            assertThat(full(notIn("level", choice("B"), choice("A")))).isFalse();
        }

        @Test
        void containsIsALiteralCaseSensitiveSubstring() {
            assertThat(full(contains("name", "cme"))).isTrue();
            assertThat(full(contains("name", "Acme Ltd"))).isTrue();
            assertThat(full(contains("name", "ACME"))).isFalse();
            assertThat(full(contains("name", "A%"))).as("no wildcards").isFalse();
            assertThat(full(contains("name", "A_me"))).as("no wildcards").isFalse();
            assertThat(matches(contains("name", "50%"), withName("up 50% off"))).isTrue();
            assertThat(full(contains("owner", "lic"))).as("on an id's text").isTrue();
        }

        private Sample withName(String name) {
            Sample s = FULL;
            return new Sample(name, s.level(), s.owner(), s.currency(), s.score(), s.count(), s.total(), s.boxed(),
                    s.locked(), s.vip(), s.birthday(), s.lastFollowUpAt(), s.amount(), s.tags(), s.customFields());
        }
    }

    @Nested
    class Numbers {
        @Test
        void compareByValueWhateverTheScale() {
            assertThat(full(eq("score", number("2")))).isTrue();
            assertThat(full(eq("score", number("2.000")))).isTrue();
            assertThat(full(ne("score", number("2")))).isFalse();
            assertThat(full(in("score", number("1"), number("2.00")))).isTrue();
            assertThat(full(notIn("score", number("1"), number("2.00")))).isFalse();
            assertThat(full(notIn("score", number("1"), number("3")))).isTrue();
        }

        @Test
        void ordering() {
            assertThat(full(gt("score", number("1.99")))).isTrue();
            assertThat(full(gt("score", number("2")))).isFalse();
            assertThat(full(ge("score", number("2")))).isTrue();
            assertThat(full(ge("score", number("2.01")))).isFalse();
            assertThat(full(lt("score", number("2.01")))).isTrue();
            assertThat(full(lt("score", number("2")))).isFalse();
            assertThat(full(le("score", number("2")))).isTrue();
            assertThat(full(le("score", number("1.99")))).isFalse();
        }

        @Test
        void primitiveAndBoxedIntegersAreNumbers() {
            assertThat(full(eq("count", number("7.0")))).isTrue();
            assertThat(full(gt("total", number("9999999999")))).isTrue();
            assertThat(full(lt("boxed", number("3.5")))).isTrue();
            assertThat(full(isNull("boxed"))).isFalse();
            assertThat(empty(isNull("boxed"))).isTrue();
            assertThat(empty(eq("count", number("0")))).as("a primitive is never empty").isTrue();
        }
    }

    @Nested
    class Flags {
        @Test
        void equality() {
            assertThat(full(eq("locked", flag(true)))).isTrue();
            assertThat(full(ne("locked", flag(true)))).isFalse();
            assertThat(full(eq("vip", flag(false)))).isTrue();
            assertThat(full(in("vip", flag(true)))).isFalse();
            assertThat(full(notIn("vip", flag(true)))).isTrue();
            assertThat(empty(eq("vip", flag(false)))).as("an empty Boolean is not false").isFalse();
            assertThat(empty(ne("vip", flag(true)))).isFalse();
            assertThat(empty(isNull("vip"))).isTrue();
        }
    }

    @Nested
    class Dates {
        @Test
        void equalityAndOrder() {
            assertThat(full(eq("birthday", date("1990-05-17")))).isTrue();
            assertThat(full(ne("birthday", date("1990-05-18")))).isTrue();
            assertThat(full(gt("birthday", date("1990-05-16")))).isTrue();
            assertThat(full(gt("birthday", date("1990-05-17")))).isFalse();
            assertThat(full(ge("birthday", date("1990-05-17")))).isTrue();
            assertThat(full(lt("birthday", date("1990-05-18")))).isTrue();
            assertThat(full(le("birthday", date("1990-05-16")))).isFalse();
            assertThat(full(in("birthday", date("2000-01-01"), date("1990-05-17")))).isTrue();
            assertThat(full(notIn("birthday", date("2000-01-01")))).isTrue();
        }

        @Test
        void timestampsToTheNanosecond() {
            assertThat(full(eq("lastFollowUpAt", timestamp("2026-11-01T10:00:00Z")))).isTrue();
            assertThat(full(eq("lastFollowUpAt", timestamp("2026-11-01T10:00:00.000000001Z")))).isFalse();
            assertThat(full(lt("lastFollowUpAt", timestamp("2026-11-01T10:00:00.000000001Z")))).isTrue();
            assertThat(full(ge("lastFollowUpAt", timestamp("2026-11-01T10:00:00Z")))).isTrue();
            assertThat(full(gt("lastFollowUpAt", timestamp("2026-11-01T10:00:00Z")))).isFalse();
            assertThat(full(le("lastFollowUpAt", timestamp("2026-11-01T09:59:59Z")))).isFalse();
            assertThat(full(notIn("lastFollowUpAt", timestamp("2026-11-01T10:00:00Z")))).isFalse();
        }
    }

    @Nested
    class Amounts {
        @Test
        void sameCurrencyComparesByValue() {
            assertThat(full(eq("amount", amount("1280.5", "CNY")))).isTrue();
            assertThat(full(ne("amount", amount("1280.51", "CNY")))).isTrue();
            assertThat(full(gt("amount", amount("1280.49", "CNY")))).isTrue();
            assertThat(full(ge("amount", amount("1280.50", "CNY")))).isTrue();
            assertThat(full(lt("amount", amount("1280.50", "CNY")))).isFalse();
            assertThat(full(le("amount", amount("1280.50", "CNY")))).isTrue();
            assertThat(full(in("amount", amount("1", "CNY"), amount("1280.50", "CNY")))).isTrue();
            assertThat(full(notIn("amount", amount("1", "CNY")))).isTrue();
        }

        @Test
        void anotherCurrencyNeverCompares() {
            for (Condition c : List.of(eq("amount", amount("1280.50", "USD")), ne("amount", amount("1", "USD")),
                    gt("amount", amount("1", "USD")), ge("amount", amount("1", "USD")),
                    lt("amount", amount("999999", "USD")), le("amount", amount("999999", "USD")),
                    in("amount", amount("1280.50", "USD")), notIn("amount", amount("1", "USD")))) {
                assertThat(full(c)).as(c.toString()).isFalse();
            }
            // NOT_IN holds only when NE holds for every value: one foreign amount spoils it.
            assertThat(full(notIn("amount", amount("1", "CNY"), amount("1", "USD")))).isFalse();
            assertThat(full(isNotNull("amount"))).isTrue();
        }
    }

    @Nested
    class EmptyFields {
        @Test
        void onlyIsNullMatchesAnEmptyField() {
            List<Condition> others = List.of(eq("name", text("x")), ne("name", text("x")), in("name", text("x")),
                    notIn("name", text("x")), contains("name", "x"), isNotNull("name"),
                    gt("score", number("0")), ge("score", number("0")), lt("score", number("0")),
                    le("score", number("0")), ne("level", choice("A")), notIn("birthday", date("2000-01-01")),
                    ne("amount", amount("1", "CNY")), ne("lastFollowUpAt", timestamp("2026-01-01T00:00:00Z")));
            for (Condition c : others) {
                assertThat(empty(c)).as(c.toString()).isFalse();
            }
            for (String field : List.of("name", "level", "owner", "currency", "score", "boxed", "vip", "birthday",
                    "lastFollowUpAt", "amount", "custom.region")) {
                assertThat(empty(isNull(field))).as(field).isTrue();
                assertThat(full(isNull(field))).as(field).isFalse();
            }
        }

        @Test
        void notOfEqMatchesAnEmptyFieldWhileNeDoesNot() {
            assertThat(empty(not(eq("level", choice("A"))))).isTrue();
            assertThat(empty(ne("level", choice("A")))).isFalse();
            assertThat(empty(not(notIn("level", choice("A"))))).isTrue();
            assertThat(full(not(eq("level", choice("A"))))).isFalse();
        }

        @Test
        void aNullConditionMatchesEverything() {
            assertThat(ConditionEvaluator.matches(null, EMPTY, NOW, UTC)).isTrue();
            assertThat(ConditionEvaluator.matches(null, FULL, NOW, UTC)).isTrue();
            ConditionEvaluator.check(null, Sample.class);
        }
    }

    @Nested
    class Groups {
        @Test
        void allAnyAndNot() {
            Condition yes = eq("level", choice("A"));
            Condition no = eq("level", choice("B"));
            assertThat(full(all(yes, yes))).isTrue();
            assertThat(full(all(yes, no))).isFalse();
            assertThat(full(any(no, yes))).isTrue();
            assertThat(full(any(no, no))).isFalse();
            assertThat(full(not(no))).isTrue();
            assertThat(full(not(not(yes)))).isTrue();
            assertThat(full(all(yes, any(no, not(no))))).isTrue();
        }
    }

    @Nested
    class CustomFieldValues {
        @Test
        void eachKindComparesLikeTheStandardKind() {
            assertThat(full(eq("custom.region", text("East China")))).isTrue();
            assertThat(full(contains("custom.region", "China"))).isTrue();
            assertThat(full(contains("custom.region", "china"))).isFalse();
            assertThat(full(eq("custom.grade", choice("A")))).isTrue();
            assertThat(full(eq("custom.grade", text("A")))).as("choice and text are both text").isTrue();
            assertThat(full(eq("custom.budget", number("10000")))).isTrue();
            assertThat(full(ge("custom.budget", number("10000")))).isTrue();
            assertThat(full(gt("custom.budget", number("10000")))).isFalse();
            assertThat(full(eq("custom.vip", flag(true)))).isTrue();
            assertThat(full(lt("custom.since", date("2026-01-02")))).isTrue();
            assertThat(full(gt("custom.seen", timestamp("2026-11-01T09:00:00Z")))).isTrue();
            assertThat(full(le("custom.limit", amount("100", "CNY")))).isTrue();
            assertThat(full(le("custom.limit", amount("100", "USD")))).isFalse();
        }

        @Test
        void anUnsetCustomFieldIsEmpty() {
            assertThat(full(isNull("custom.missing"))).isTrue();
            assertThat(full(ne("custom.missing", text("x")))).isFalse();
            assertThat(full(notIn("custom.missing", text("x")))).isFalse();
            assertThat(full(not(eq("custom.missing", text("x"))))).isTrue();
        }

        @Test
        void aValueOfAnotherKindDoesNotMatchAtAll() {
            // custom.budget holds a number; compared with text, date or flag nothing holds, NE included.
            for (Condition c : List.of(eq("custom.budget", text("10000")), ne("custom.budget", text("1")),
                    notIn("custom.budget", text("1")), contains("custom.budget", "1"),
                    ne("custom.budget", flag(true)), lt("custom.budget", date("2030-01-01")),
                    ge("custom.region", number("0")), ne("custom.since", timestamp("2026-01-01T00:00:00Z")),
                    ne("custom.limit", number("100")))) {
                assertThat(full(c)).as(c.toString()).isFalse();
                assertThat(full(not(c))).as("not " + c).isTrue();
            }
            assertThat(full(isNotNull("custom.budget"))).isTrue();
        }

        @Test
        void choicesMatchWhenAnyOptionEqualsAndDifferWhenNoneDoes() {
            assertThat(full(eq("custom.tags", choice("a")))).isTrue();
            assertThat(full(eq("custom.tags", choice("c")))).isFalse();
            assertThat(full(in("custom.tags", choice("c"), choice("b")))).isTrue();
            assertThat(full(in("custom.tags", choice("c"), choice("d")))).isFalse();
            assertThat(full(ne("custom.tags", choice("a")))).isFalse();
            assertThat(full(ne("custom.tags", choice("c")))).isTrue();
            assertThat(full(notIn("custom.tags", choice("c"), choice("d")))).isTrue();
            assertThat(full(notIn("custom.tags", choice("c"), choice("b")))).isFalse();
            assertThat(full(contains("custom.tags", "a"))).as("a set of options is not text").isFalse();
            assertThat(full(eq("custom.tags", number("1")))).isFalse();
            assertThat(full(ne("custom.tags", number("1")))).isFalse();
        }

        @Test
        void anEmptyChoicesIsAValueThatEqualsNothing() {
            assertThat(full(isNull("custom.noTags"))).isFalse();
            assertThat(full(eq("custom.noTags", choice("a")))).isFalse();
            assertThat(full(ne("custom.noTags", choice("a")))).isTrue();
        }

        @Test
        void aChoicesConditionValueComparesWithNothing() {
            Condition c = eq("custom.tags", new CustomValue.Choices(List.of("a", "b")));
            assertThat(ConditionEvaluator.matches(c, FULL, NOW, UTC)).isFalse();
            assertThat(ConditionEvaluator.matches(ne("custom.tags", new CustomValue.Choices(List.of("z"))), FULL, NOW,
                    UTC)).isFalse();
        }

        @Test
        void aRecordWithoutCustomFieldsHasThemAllEmpty() {
            record Plain(String name) {}
            Plain plain = new Plain("x");
            assertThat(ConditionEvaluator.matches(isNull("custom.region"), plain, NOW, UTC)).isTrue();
            assertThat(ConditionEvaluator.matches(daysSince("custom.seen", 3), plain, NOW, UTC)).isTrue();
        }
    }

    @Nested
    class DaysSinceField {
        @Test
        void anEmptyFieldMatches() {
            assertThat(empty(daysSince("lastFollowUpAt", 15))).isTrue();
            assertThat(empty(daysSince("birthday", DaysSince.MAX_DAYS))).isTrue();
            assertThat(full(daysSince("custom.unset", 15))).isTrue();
        }

        @Test
        void exactlyNDaysMatchesNMinusOneDoesNot() {
            Instant at = Instant.parse("2026-11-05T23:59:59Z"); // NOW is 2026-11-20T12:00Z: 15 calendar days
            Sample sample = FULL.withLastFollowUpAt(at);
            assertThat(matches(daysSince("lastFollowUpAt", 15), sample)).isTrue();
            assertThat(matches(daysSince("lastFollowUpAt", 16), sample)).isFalse();
            Sample oneDayLater = FULL.withLastFollowUpAt(Instant.parse("2026-11-06T00:00:00Z"));
            assertThat(matches(daysSince("lastFollowUpAt", 15), oneDayLater)).isFalse();
            assertThat(matches(daysSince("lastFollowUpAt", 14), oneDayLater)).isTrue();
        }

        @Test
        void calendarDaysNotTwentyFourHourPeriods() {
            // 23:59 yesterday is one calendar day ago, although only minutes have passed.
            Instant now = Instant.parse("2026-11-20T00:01:00Z");
            Sample sample = FULL.withLastFollowUpAt(Instant.parse("2026-11-19T23:59:00Z"));
            assertThat(ConditionEvaluator.matches(daysSince("lastFollowUpAt", 1), sample, now, UTC)).isTrue();
            assertThat(ConditionEvaluator.matches(daysSince("lastFollowUpAt", 2), sample, now, UTC)).isFalse();
        }

        @Test
        void daysAreCountedInTheTenantZone() {
            // 2026-11-19T16:30Z is already 2026-11-20 00:30 in Shanghai (UTC+8), but still the 19th in UTC.
            Instant followedUp = Instant.parse("2026-11-19T16:30:00Z");
            Instant now = Instant.parse("2026-11-20T12:00:00Z"); // the 20th in both zones
            Sample sample = FULL.withLastFollowUpAt(followedUp);
            assertThat(ConditionEvaluator.matches(daysSince("lastFollowUpAt", 1), sample, now, UTC)).isTrue();
            assertThat(ConditionEvaluator.matches(daysSince("lastFollowUpAt", 1), sample, now, SHANGHAI)).isFalse();
            assertThat(ConditionEvaluator.matches(daysSince("lastFollowUpAt", 0), sample, now, SHANGHAI)).isTrue();
        }

        @Test
        void aDateFieldIsAlreadyADay() {
            Sample sample = FULL.withBirthday(LocalDate.parse("2026-11-10"));
            // In Shanghai NOW (12:00Z) is 20:00 on the 20th; in a zone at -12 it is 00:00 on the 20th too.
            for (ZoneId zone : List.of(UTC, SHANGHAI, ZoneId.of("Etc/GMT+11"))) {
                assertThat(ConditionEvaluator.matches(daysSince("birthday", 10), sample, NOW, zone)).as("%s", zone).isTrue();
                assertThat(ConditionEvaluator.matches(daysSince("birthday", 11), sample, NOW, zone)).as("%s", zone).isFalse();
            }
            assertThat(ConditionEvaluator.matches(daysSince("birthday", 10), sample, NOW, ZoneId.of("Pacific/Kiritimati")))
                    .as("at UTC+14 it is already the 21st").isTrue();
            assertThat(ConditionEvaluator.matches(daysSince("birthday", 11), sample, NOW, ZoneId.of("Pacific/Kiritimati")))
                    .isTrue();
        }

        @Test
        void customDatesAndTimestampsCountCustomOthersDoNotMatch() {
            assertThat(full(daysSince("custom.since", 323))).isTrue(); // 2026-01-01 to 2026-11-20
            assertThat(full(daysSince("custom.since", 324))).isFalse();
            assertThat(full(daysSince("custom.seen", 19))).isTrue();
            assertThat(full(daysSince("custom.seen", 20))).isFalse();
            assertThat(full(daysSince("custom.budget", 1))).as("a number has no days").isFalse();
        }

        @Test
        void zeroDaysMatchesEveryRecordAFutureOneIncluded() {
            Sample future = FULL.withLastFollowUpAt(NOW.plusSeconds(86_400 * 3));
            assertThat(matches(daysSince("lastFollowUpAt", 0), future)).isTrue();
            assertThat(matches(daysSince("lastFollowUpAt", 1), future)).isFalse();
            assertThat(full(daysSince("custom.budget", 0))).isTrue();
        }
    }

    @Nested
    class Arguments {
        @Test
        void nullRecordNowOrZoneIsAValidationError() {
            Condition c = isNull("name");
            assertThatThrownBy(() -> ConditionEvaluator.matches(c, null, NOW, UTC))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.hasViolation("record", ErrorCode.FIELD_REQUIRED)).isTrue());
            assertThatThrownBy(() -> ConditionEvaluator.matches(c, FULL, null, UTC))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.hasViolation("now", ErrorCode.FIELD_REQUIRED)).isTrue());
            assertThatThrownBy(() -> ConditionEvaluator.matches(c, FULL, NOW, null))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.hasViolation("zone", ErrorCode.FIELD_REQUIRED)).isTrue());
        }

        @Test
        void anUnknownFieldIsAConditionErrorEvenUnchecked() {
            assertThatThrownBy(() -> ConditionEvaluator.matches(eq("nmae", text("x")), FULL, NOW, UTC))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.hasViolation("nmae", ErrorCode.CONDITION_INVALID)).isTrue();
                        assertThat(e.getMessage()).contains("Sample", "nmae");
                    });
        }
    }
}
