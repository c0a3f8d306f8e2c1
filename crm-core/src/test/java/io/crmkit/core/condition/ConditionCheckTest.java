package io.crmkit.core.condition;

import static io.crmkit.core.condition.Condition.all;
import static io.crmkit.core.condition.Condition.any;
import static io.crmkit.core.condition.Condition.contains;
import static io.crmkit.core.condition.Condition.daysSince;
import static io.crmkit.core.condition.Condition.eq;
import static io.crmkit.core.condition.Condition.gt;
import static io.crmkit.core.condition.Condition.in;
import static io.crmkit.core.condition.Condition.isNotNull;
import static io.crmkit.core.condition.Condition.isNull;
import static io.crmkit.core.condition.Condition.lt;
import static io.crmkit.core.condition.Condition.not;
import static io.crmkit.core.condition.ConditionEvaluatorTest.amount;
import static io.crmkit.core.condition.ConditionEvaluatorTest.choice;
import static io.crmkit.core.condition.ConditionEvaluatorTest.date;
import static io.crmkit.core.condition.ConditionEvaluatorTest.flag;
import static io.crmkit.core.condition.ConditionEvaluatorTest.number;
import static io.crmkit.core.condition.ConditionEvaluatorTest.text;
import static io.crmkit.core.condition.ConditionEvaluatorTest.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.record.CustomValue;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConditionCheckTest {

    private static ValidationException rejected(Condition condition, Class<? extends Record> type) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ConditionEvaluator.check(condition, type));
        assertThat(thrown).as(String.valueOf(condition)).isInstanceOf(ValidationException.class);
        ValidationException e = (ValidationException) thrown;
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.code()).isEqualTo(ErrorCode.CONDITION_INVALID));
        return e;
    }

    private static Violation only(ValidationException e) {
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Test
    void acceptsEveryFieldWithValuesOfItsKind() {
        Condition valid = all(
                eq("name", text("x")), in("level", choice("A"), choice("B")), eq("owner", text("alice")),
                eq("currency", choice("CNY")), gt("score", number("1")), lt("count", number("3")),
                eq("total", number("1")), gt("boxed", number("0")), eq("locked", flag(true)), eq("vip", flag(false)),
                lt("birthday", date("2000-01-01")), gt("lastFollowUpAt", timestamp("2026-01-01T00:00:00Z")),
                gt("amount", amount("1", "CNY")), contains("name", "A"), contains("owner", "a"),
                isNull("name"), isNotNull("amount"), daysSince("birthday", 3), daysSince("lastFollowUpAt", 3),
                eq("custom.anything", number("1")), contains("custom.region", "x"), daysSince("custom.seen", 1),
                not(any(eq("custom.x", flag(true)), eq("custom.y", date("2026-01-01")))));
        assertThatCode(() -> ConditionEvaluator.check(valid, Sample.class)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnUnknownFieldNamingItAndTheType() {
        Violation v = only(rejected(eq("nmae", text("x")), Sample.class));
        assertThat(v.field()).isEqualTo("field");
        assertThat(v.message()).contains("nmae", "Sample");
        assertThat(v.message(Locale.SIMPLIFIED_CHINESE)).contains("nmae", "Sample", "没有字段");
        assertThat(only(rejected(daysSince("lastFollowupAt", 3), Account.class)).message())
                .contains("lastFollowupAt", "Account");
    }

    @Test
    void rejectsCustomFieldsOnATypeWithoutThem() {
        record Plain(String name) {}
        assertThat(only(rejected(isNull("custom.region"), Plain.class)).message()).contains("custom.region", "Plain");
    }

    @Test
    void reportsTheOffendingNodesPathAndEveryProblem() {
        Condition tree = all(
                eq("name", text("ok")),
                not(eq("nope", text("x"))),
                any(eq("level", choice("A")), gt("birthday", timestamp("2026-01-01T00:00:00Z"))));
        ValidationException e = rejected(tree, Sample.class);
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("conditions[1].condition.field", "conditions[2].conditions[1].values");
        assertThat(e.getMessage()).contains("nope", "birthday", "date", "timestamp");
    }

    @Test
    void rejectsValuesOfAnotherKind() {
        List<Condition> wrong = List.of(
                eq("name", number("1")), eq("level", flag(true)), eq("score", text("1")), eq("count", choice("1")),
                eq("locked", text("true")), eq("birthday", timestamp("2026-01-01T00:00:00Z")),
                lt("lastFollowUpAt", date("2026-01-01")), gt("amount", number("1")), eq("amount", number("1")),
                in("vip", number("1"), number("0")), eq("score", amount("1", "CNY")));
        for (Condition c : wrong) {
            Violation v = only(rejected(c, Sample.class));
            assertThat(v.field()).as(c.toString()).isEqualTo("values");
            assertThat(v.messageKey()).isEqualTo("condition.invalid.wrong-kind");
        }
    }

    @Test
    void rejectsOrderingOnTextAndFlags() {
        for (Condition c : List.of(gt("name", number("1")), lt("level", date("2026-01-01")), gt("locked", number("0")),
                gt("owner", timestamp("2026-01-01T00:00:00Z")))) {
            Violation v = only(rejected(c, Sample.class));
            assertThat(v.messageKey()).as(c.toString()).isEqualTo("condition.invalid.ordering-field");
            assertThat(v.field()).isEqualTo("op");
        }
    }

    @Test
    void rejectsContainsOnAFieldThatIsNotText() {
        for (String field : List.of("score", "locked", "birthday", "lastFollowUpAt", "amount")) {
            assertThat(only(rejected(contains(field, "1"), Sample.class)).messageKey()).as(field)
                    .isEqualTo("condition.invalid.contains-field");
        }
    }

    @Test
    void rejectsDaysSinceOnAFieldThatIsNeitherDateNorTimestamp() {
        for (String field : List.of("name", "score", "locked", "amount", "tags")) {
            ValidationException e = rejected(daysSince(field, 3), Sample.class);
            assertThat(only(e).messageKey()).as(field).isIn("condition.invalid.days-since-field",
                    "condition.invalid.unsupported-field");
        }
        assertThat(only(rejected(daysSince("name", 3), Account.class)).message()).contains("name", "Account", "text");
    }

    @Test
    void rejectsFieldsConditionsCannotCompare() {
        for (String field : List.of("addresses", "teamMembers", "financialInfo", "customFields")) {
            Violation v = only(rejected(isNull(field), Account.class));
            assertThat(v.messageKey()).as(field).isEqualTo("condition.invalid.unsupported-field");
            assertThat(v.message()).contains(field, "Account");
        }
        assertThat(only(rejected(eq("tags", text("x")), Sample.class)).messageKey())
                .isEqualTo("condition.invalid.unsupported-field");
    }

    @Test
    void rejectsAChoicesConditionValueEvenOnACustomField() {
        CustomValue choices = new CustomValue.Choices(List.of("a"));
        assertThat(only(rejected(eq("custom.tags", choices), Sample.class)).messageKey())
                .isEqualTo("condition.invalid.choices-value");
        assertThat(only(rejected(in("level", choices), Sample.class)).field()).isEqualTo("values");
    }

    @Test
    void acceptsTheAccountFieldsRulesUse() {
        Condition recycle = all(eq("level", choice("A")), daysSince("lastFollowUpAt", 15), eq("locked", flag(false)),
                isNotNull("owner"), in("dealStatus", choice("NOT_YET")), eq("poolId", text("p1")),
                lt("createdAt", timestamp("2026-01-01T00:00:00Z")), gt("version", number("0")),
                eq("tenantId", text("t1")), daysSince("lastDealAt", 90), eq("custom.region", text("East")));
        assertThatCode(() -> ConditionEvaluator.check(recycle, Account.class)).doesNotThrowAnyException();
    }

    @Test
    void aNullTypeIsRequired() {
        assertThatThrownBy(() -> ConditionEvaluator.check(isNull("name"), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("type", ErrorCode.FIELD_REQUIRED)).isTrue());
    }
}
