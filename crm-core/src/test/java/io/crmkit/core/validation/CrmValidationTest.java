package io.crmkit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link CrmValidation} reports every broken constraint of a record at once, field by field with
 * nested paths, mapped to the library's codes and rendered in English and Chinese.
 */
class CrmValidationTest {
    private static final Currency CNY = Currency.getInstance("CNY");

    /** A line of an order form. */
    record LineForm(@NotBlank @Size(max = 20) String product, @PositiveOrZero BigDecimal quantity, @NonNegativeMoney Money amount) {}

    /** An order form with nested lines. */
    record OrderForm(
            @NotBlank @Size(max = 10) String name,
            @Email String email,
            @PositiveOrZero int copies,
            @NonNegativeMoney Money deposit,
            @Valid List<LineForm> lines) {}

    private static LineForm goodLine() {
        return new LineForm("widget", new BigDecimal("2"), Money.of("20.00", "CNY"));
    }

    private static OrderForm goodOrder() {
        return new OrderForm("Order 1", "buyer@example.com", 1, Money.of("0.00", "CNY"), List.of(goodLine(), goodLine()));
    }

    @Test
    void aValidRecordPassesAndIsReturned() {
        OrderForm order = goodOrder();
        assertThat(CrmValidation.validate(order)).isSameAs(order);
        assertThat(CrmValidation.violations(order)).isEmpty();
    }

    @Test
    void nullsAreLeftToNotNullAndNotBlank() {
        // @Email, @PositiveOrZero and @NonNegativeMoney accept null; only @NotBlank complains.
        OrderForm order = new OrderForm(null, null, 0, null, null);
        assertThat(CrmValidation.violations(order)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", ErrorCode.FIELD_REQUIRED));
    }

    @Test
    void everyViolationIsReportedInOneErrorWithPathsAndCodes() {
        OrderForm bad = new OrderForm(
                "  ",                                   // blank
                "not-an-email",
                -1,
                Money.of("-0.01", "CNY"),
                List.of(goodLine(), new LineForm("x".repeat(25), new BigDecimal("-1"), Money.of("-5.00", "CNY"))));

        assertThatThrownBy(() -> CrmValidation.validate(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            // Sorted by field path, then code.
            assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                    tuple("copies", ErrorCode.FIELD_NEGATIVE),
                    tuple("deposit", ErrorCode.FIELD_NEGATIVE),
                    tuple("email", ErrorCode.FIELD_INVALID),
                    tuple("lines[1].amount", ErrorCode.FIELD_NEGATIVE),
                    tuple("lines[1].product", ErrorCode.FIELD_OUT_OF_RANGE),
                    tuple("lines[1].quantity", ErrorCode.FIELD_NEGATIVE),
                    tuple("name", ErrorCode.FIELD_REQUIRED));
            assertThat(e.getMessage()).startsWith("Validation failed with 7 violation(s): ");
            assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).startsWith("校验失败，共 7 处错误：");
        });
    }

    @Test
    void violationMessagesNameTheFieldAndTheValueInBothLanguages() {
        OrderForm bad = new OrderForm("Order 1", "buyer@example.com", 1, Money.of("0.00", "CNY"),
                List.of(goodLine(), new LineForm("x".repeat(25), BigDecimal.ONE, Money.of("-5.00", "CNY"))));
        List<Violation> violations = CrmValidation.violations(bad);

        // Hand-rendered from the bundles: field.negative = "{0} must not be negative, but was {1}" with
        // the invalid value's toString, Money's being "CNY -5.00"; field.out-of-range with @Size(min 0, max 20) and length 25.
        assertThat(violations).extracting(Violation::message).containsExactly(
                "lines[1].amount must not be negative, but was CNY -5.00",
                "lines[1].product must be between 0 and 20, but was 25");
        assertThat(violations).extracting(v -> v.message(Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "lines[1].amount 不能为负数，实际为 CNY -5.00",
                "lines[1].product 必须在 0 与 20 之间，实际为 25");
    }

    @Test
    void everyFieldViolationReadsDifferentlyInChinese() {
        OrderForm bad = new OrderForm("", "x", -1, Money.of("-1.00", "CNY"), List.of());
        for (Violation v : CrmValidation.violations(bad)) {
            assertThat(v.message(Locale.SIMPLIFIED_CHINESE)).as(v.field()).isNotEqualTo(v.message()).contains(v.field());
            assertThat(v.message()).as(v.field()).contains(v.field()).doesNotContain("{");
        }
    }

    @Test
    void eachConstraintIsReportedOnceEvenThoughRecordsCopyAnnotationsToFieldsAndAccessors() {
        OrderForm bad = new OrderForm("", "buyer@example.com", 0, Money.of("-1.00", "CNY"), List.of());
        assertThat(CrmValidation.violations(bad)).extracting(Violation::field).containsExactly("deposit", "name");
    }

    @Test
    void nullIsReportedAsAMissingValue() {
        assertThat(CrmValidation.violations(null)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("value", ErrorCode.FIELD_REQUIRED));
        assertThatThrownBy(() -> CrmValidation.validate(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void nestedLinePathsPointAtTheOffendingLines() {
        // Amounts as whole fen, so shrinking moves towards zero; negative ones must be reported by index.
        qt().withExamples(200)
                .forAll(lists().of(longs().between(-10_000, 10_000)).ofSizeBetween(0, 15), integers().between(-3, 3))
                .checkAssert((fen, copies) -> {
                    List<LineForm> lines = new ArrayList<>();
                    for (long f : fen) {
                        lines.add(new LineForm("p", BigDecimal.ONE, Money.ofMinor(f, CNY)));
                    }
                    OrderForm order = new OrderForm("Order", "a@example.com", copies, Money.zero(CNY), lines);

                    List<String> expected = new ArrayList<>();
                    if (copies < 0) {
                        expected.add("copies");
                    }
                    IntStream.range(0, fen.size()).filter(i -> fen.get(i) < 0)
                            .mapToObj(i -> "lines[" + i + "].amount").sorted().forEach(expected::add);

                    List<Violation> found = CrmValidation.violations(order);
                    assertThat(found).extracting(Violation::field).containsExactlyElementsOf(expected);
                    assertThat(found).allMatch(v -> v.code() == ErrorCode.FIELD_NEGATIVE);
                    if (expected.isEmpty()) {
                        assertThat(CrmValidation.validate(order)).isSameAs(order);
                    } else {
                        assertThatThrownBy(() -> CrmValidation.validate(order))
                                .isInstanceOfSatisfying(ValidationException.class,
                                        e -> assertThat(e.violations()).isEqualTo(found));
                    }
                });
    }
}
