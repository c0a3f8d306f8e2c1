package io.crmkit.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.record.CustomValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final CustomValue A = new CustomValue.Choice("A");
    private static final CustomValue B = new CustomValue.Choice("B");
    private static final CustomValue TEN = new CustomValue.Number(new BigDecimal("10"));

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void factoriesBuildTheRecordsTheyName() {
        assertThat(Condition.eq("level", A)).isEqualTo(new Compare("level", Operator.EQ, List.of(A)));
        assertThat(Condition.ne("level", A)).isEqualTo(new Compare("level", Operator.NE, List.of(A)));
        assertThat(Condition.gt("custom.budget", TEN)).isEqualTo(new Compare("custom.budget", Operator.GT, List.of(TEN)));
        assertThat(Condition.ge("x", TEN)).isEqualTo(new Compare("x", Operator.GE, List.of(TEN)));
        assertThat(Condition.lt("x", TEN)).isEqualTo(new Compare("x", Operator.LT, List.of(TEN)));
        assertThat(Condition.le("x", TEN)).isEqualTo(new Compare("x", Operator.LE, List.of(TEN)));
        assertThat(Condition.in("level", A, B)).isEqualTo(new Compare("level", Operator.IN, List.of(A, B)));
        assertThat(Condition.notIn("level", List.of(A))).isEqualTo(new Compare("level", Operator.NOT_IN, List.of(A)));
        assertThat(Condition.isNull("ownerId")).isEqualTo(new Compare("ownerId", Operator.IS_NULL, List.of()));
        assertThat(Condition.isNotNull("ownerId")).isEqualTo(new Compare("ownerId", Operator.IS_NOT_NULL, List.of()));
        assertThat(Condition.contains("company", "Ltd"))
                .isEqualTo(new Compare("company", Operator.CONTAINS, List.of(new CustomValue.Text("Ltd"))));
        assertThat(Condition.daysSince("lastFollowUpAt", 15)).isEqualTo(new DaysSince("lastFollowUpAt", 15));
        Condition leaf = Condition.isNull("x");
        assertThat(Condition.all(leaf)).isEqualTo(new All(List.of(leaf)));
        assertThat(Condition.any(List.of(leaf))).isEqualTo(new Any(List.of(leaf)));
        assertThat(Condition.not(leaf)).isEqualTo(new Not(leaf));
    }

    @Test
    void compareKnowsCustomFieldsAndItsSingleValue() {
        Compare custom = (Compare) Condition.eq("custom.region", new CustomValue.Text("east"));
        Compare standard = (Compare) Condition.eq("level", A);

        assertThat(custom.isCustomField()).isTrue();
        assertThat(FieldNames.customName(custom.field())).isEqualTo("region");
        assertThat(standard.isCustomField()).isFalse();
        assertThat(standard.value()).isEqualTo(A);
        assertThatThrownBy(() -> ((Compare) Condition.in("level", A, B)).value()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FieldNames.customName("level")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldNamesMustBeStandardOrCustomDotName() {
        for (String bad : List.of("Level", "1level", "level-code", "level code", "", "custom.", "custom.Region",
                "custom.a.b", "custom.1x", "l".repeat(65), "account.level")) {
            assertInvalid(() -> Condition.isNull(bad), "field", ErrorCode.CONDITION_INVALID);
            assertInvalid(() -> Condition.daysSince(bad, 1), "field", ErrorCode.CONDITION_INVALID);
        }
        assertInvalid(() -> Condition.isNull(null), "field", ErrorCode.FIELD_REQUIRED);
        for (String good : List.of("level", "lastFollowUpAt", "a_b1", "l".repeat(64), "custom.region", "custom.x_1")) {
            assertThat(((Compare) Condition.isNull(good)).field()).isEqualTo(good);
        }
        ValidationException e = catchValidation(() -> Condition.isNull("Level"));
        assertThat(e.getMessage()).contains("Level is not a field name").contains("custom.<name>");
    }

    @Test
    void eachOperatorTakesItsNumberOfValues() {
        assertInvalid(() -> new Compare("x", Operator.IS_NULL, List.of(A)), "values", ErrorCode.CONDITION_INVALID);
        assertInvalid(() -> new Compare("x", Operator.IS_NOT_NULL, List.of(A)), "values", ErrorCode.CONDITION_INVALID);
        for (Operator single : List.of(Operator.EQ, Operator.NE, Operator.GT, Operator.GE, Operator.LT, Operator.LE,
                Operator.CONTAINS)) {
            assertInvalid(() -> new Compare("x", single, List.of()), "values", ErrorCode.CONDITION_INVALID);
            assertInvalid(() -> new Compare("x", single, List.of(TEN, TEN)), "values", ErrorCode.CONDITION_INVALID);
        }
        assertInvalid(() -> Condition.in("x"), "values", ErrorCode.CONDITION_INVALID);
        assertInvalid(() -> Condition.notIn("x", List.of()), "values", ErrorCode.CONDITION_INVALID);
        List<CustomValue> tooMany = Collections.nCopies(Compare.MAX_VALUES + 1, A);
        assertInvalid(() -> Condition.in("x", tooMany), "values", ErrorCode.CONDITION_INVALID);
        assertThat(((Compare) Condition.in("x", tooMany.subList(0, Compare.MAX_VALUES))).values())
                .hasSize(Compare.MAX_VALUES);
        assertInvalid(() -> Condition.eq("x", null), "values[]", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> new Compare("x", null, List.of(A)), "op", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void arityErrorsSayWhatTheOperatorTakesInBothLanguages() {
        ValidationException e = catchValidation(() -> new Compare("level", Operator.EQ, List.of(A, B)));

        assertThat(e.getMessage()).contains("values: operator EQ takes exactly one value, but got 2");
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("运算符 EQ 只接受一个取值").isNotEqualTo(e.getMessage());
    }

    @Test
    void containsNeedsTextAndOrderingNeedsOrderedValues() {
        assertInvalid(() -> new Compare("x", Operator.CONTAINS, List.of(A)), "values", ErrorCode.CONDITION_INVALID);
        for (CustomValue unordered : List.of(A, new CustomValue.Text("a"), new CustomValue.Flag(true),
                new CustomValue.Choices(List.of("A")))) {
            for (Operator op : List.of(Operator.GT, Operator.GE, Operator.LT, Operator.LE)) {
                assertInvalid(() -> new Compare("x", op, List.of(unordered)), "values", ErrorCode.CONDITION_INVALID);
            }
        }
        assertThat(Condition.ge("x", new CustomValue.Date(LocalDate.of(2026, 1, 1)))).isInstanceOf(Compare.class);
        assertThat(Condition.lt("x", new CustomValue.Timestamp(Instant.EPOCH))).isInstanceOf(Compare.class);
        ValidationException e = catchValidation(() -> Condition.gt("level", A));
        assertThat(e.getMessage()).contains("operator GT").contains("choice");
    }

    @Test
    void valuesOfOneListMustShareOneType() {
        ValidationException e = catchValidation(() -> Condition.in("level", A, new CustomValue.Text("B")));

        assertThat(e.hasViolation("values", ErrorCode.CONDITION_INVALID)).isTrue();
        assertThat(e.getMessage()).contains("choice").contains("text");
    }

    @Test
    void groupsNeedAtLeastOneChildAndNoNulls() {
        assertInvalid(() -> Condition.all(), "conditions", ErrorCode.CONDITION_INVALID);
        assertInvalid(() -> Condition.any(List.of()), "conditions", ErrorCode.CONDITION_INVALID);
        assertInvalid(() -> new All(null), "conditions", ErrorCode.CONDITION_INVALID);
        assertInvalid(() -> new Any(Arrays.asList(Condition.isNull("x"), null)), "conditions[]", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> Condition.not(null), "condition", ErrorCode.FIELD_REQUIRED);
        ValidationException e = catchValidation(() -> Condition.any());
        assertThat(e.getMessage()).contains("any needs at least one condition");
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("至少需要一个条件");
    }

    @Test
    void nestingIsLimitedToMaxDepth() {
        // Depth counts the leaf as level 1, so MAX_DEPTH - 1 wrappers around a leaf are allowed.
        Condition c = Condition.isNull("x");
        for (int i = 1; i < Condition.MAX_DEPTH; i++) {
            c = i % 3 == 0 ? Condition.not(c) : i % 3 == 1 ? Condition.all(c) : Condition.any(c, Condition.isNull("y"));
        }
        Condition deepest = c;
        assertThat(ConditionChecks.depth(deepest)).isEqualTo(Condition.MAX_DEPTH);

        assertInvalid(() -> Condition.not(deepest), "condition", ErrorCode.CONDITION_INVALID);
        assertInvalid(() -> Condition.all(Condition.isNull("z"), deepest), "conditions", ErrorCode.CONDITION_INVALID);
    }

    @Test
    void daysSinceTakesZeroToMaxDays() {
        qt().forAll(integers().between(-1000, DaysSince.MAX_DAYS + 1000)).checkAssert(days -> {
            if (days >= 0 && days <= DaysSince.MAX_DAYS) {
                assertThat(Condition.daysSince("lastFollowUpAt", days)).isEqualTo(new DaysSince("lastFollowUpAt", days));
            } else {
                assertInvalid(() -> Condition.daysSince("lastFollowUpAt", days), "days", ErrorCode.FIELD_OUT_OF_RANGE);
            }
        });
    }

    @Test
    void aTreeRoundTripsThroughJsonWithTypeNames() throws Exception {
        Condition tree = Condition.all(
                Condition.in("level", A, B),
                Condition.any(
                        Condition.daysSince("lastFollowUpAt", 15),
                        Condition.not(Condition.contains("company", "Ltd"))),
                Condition.ge("custom.budget", TEN),
                Condition.isNotNull("phone"));

        String text = json.writeValueAsString(tree);

        assertThat(json.readValue(text, Condition.class)).isEqualTo(tree);
        assertThat(text).contains("\"type\":\"all\"").contains("\"type\":\"daysSince\"")
                .contains("\"type\":\"compare\"").contains("\"op\":\"IN\"").contains("\"type\":\"choice\"")
                .doesNotContain("customField");
    }

    @Test
    void unknownTypesAndInvalidTreesAreRejectedWhenRead() {
        assertThatThrownBy(() -> json.readValue("{\"type\":\"java.lang.ProcessBuilder\"}", Condition.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidTypeIdException.class);
        assertThatThrownBy(() -> json.readValue("{\"type\":\"all\",\"conditions\":[]}", Condition.class))
                .hasRootCauseInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> json.readValue(
                "{\"type\":\"compare\",\"field\":\"x\",\"op\":\"IS_NULL\",\"values\":[{\"type\":\"text\",\"value\":\"a\"}]}",
                Condition.class))
                .hasRootCauseInstanceOf(ValidationException.class);
    }

    @Test
    void everyOperatorDeclaresItsArity() {
        List<String> seen = new ArrayList<>();
        for (Operator op : Operator.values()) {
            seen.add(op + ":" + op.minValues() + "-" + op.maxValues());
        }
        assertThat(seen).containsExactly("EQ:1-1", "NE:1-1", "GT:1-1", "GE:1-1", "LT:1-1", "LE:1-1",
                "IN:1-1000", "NOT_IN:1-1000", "IS_NULL:0-0", "IS_NOT_NULL:0-0", "CONTAINS:1-1");
    }

    static ValidationException catchValidation(ThrowingCallable call) {
        try {
            call.call();
        } catch (ValidationException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a ValidationException, got " + t, t);
        }
        throw new AssertionError("expected a ValidationException, nothing was thrown");
    }

    static void assertInvalid(ThrowingCallable call, String field, ErrorCode code) {
        ValidationException e = catchValidation(call);
        assertThat(e.violations()).as(e.getMessage()).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }
}
