package io.crmkit.core.payment;

import static io.crmkit.core.payment.PaymentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PaymentAllocationTest {
    private static final Instant LATER = Instant.parse("2026-03-05T08:00:00Z");

    @Test
    void reverseKeepsWhoWhenAndWhy() {
        PaymentAllocation a = allocation(Money.of("500.00", "CNY")).build();
        assertThat(a.isActive()).isTrue();

        PaymentAllocation reversed = a.reverse(BOB, LATER, "  wrong order  ");

        assertThat(reversed.isActive()).isFalse();
        assertThat(reversed.reversedBy()).isEqualTo(BOB);
        assertThat(reversed.reversedAt()).isEqualTo(LATER);
        assertThat(reversed.reversalReason()).isEqualTo("wrong order");
        assertThat(reversed.updatedAt()).isEqualTo(LATER);
        // The money facts are untouched: a reversal is recorded, not an edit.
        assertThat(reversed.amount()).isEqualTo(a.amount());
        assertThat(reversed.allocatedBy()).isEqualTo(ALICE);
    }

    @Test
    void reversingTwiceIsAnIllegalTransition() {
        PaymentAllocation reversed = allocation(Money.of("500.00", "CNY")).build().reverse(BOB, LATER, "duplicate");

        IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
                () -> reversed.reverse(ALICE, LATER.plusSeconds(60), "again"));

        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.machine()).isEqualTo("payment-allocation");
        assertThat(e.action()).isEqualTo("reverse");
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }

    @Test
    void reversalWithoutReasonIsRejected() {
        PaymentAllocation a = allocation(Money.of("500.00", "CNY")).build();

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> a.reverse(BOB, LATER, "  "));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.hasViolation("reversalReason", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
        assertThatThrownBy(() -> a.reverse(BOB, LATER, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> a.reverse(null, LATER, "why")).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.hasViolation("reversedBy", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void reversalFieldsComeTogether() {
        assertThatThrownBy(() -> allocation(Money.of("1.00", "CNY")).reversedAt(LATER).reversedBy(BOB).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reversalReason", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> allocation(Money.of("1.00", "CNY")).reversalReason("why").build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reversedAt", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> allocation(Money.of("1.00", "CNY")).reversedAt(LATER).reversalReason("why").build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reversedBy", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void installmentNumberGoesWithPlan() {
        PaymentAllocation toInstallment = allocation(Money.of("1.00", "CNY"))
                .installment(PaymentPlanId.of("plan-1"), 2).build();
        assertThat(toInstallment.installmentNumber()).isEqualTo(2);

        assertThatThrownBy(() -> allocation(Money.of("1.00", "CNY")).planId(PaymentPlanId.of("plan-1")).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("installmentNumber", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> allocation(Money.of("1.00", "CNY")).installmentNumber(1).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("planId", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> allocation(Money.of("1.00", "CNY")).installment(PaymentPlanId.of("plan-1"), 0).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("installmentNumber", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
    }

    @Test
    void amountMustBePositive() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> allocation(Money.of("-0.01", "CNY")).build());

        assertThat(e.hasViolation("amount", ErrorCode.FIELD_NOT_POSITIVE)).isTrue();
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }

    @Test
    void toBuilderRebuildsAnEqualValue() {
        PaymentAllocation a = allocation(Money.of("1.00", "CNY")).installment(PaymentPlanId.of("plan-1"), 1).build()
                .reverse(BOB, LATER, "typo");

        assertThat(a.toBuilder().build()).isEqualTo(a);
    }
}
