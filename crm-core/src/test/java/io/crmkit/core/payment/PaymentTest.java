package io.crmkit.core.payment;

import static io.crmkit.core.payment.PaymentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.validation.CrmValidation;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PaymentTest {

    @Test
    void aPaymentWithoutOrderStartsUnallocated() {
        Payment p = payment(Money.of("1000.00", "CNY")).build();

        assertThat(p.orderId()).isNull();
        assertThat(p.allocated()).isEqualTo(Money.of("0.00", "CNY"));
        assertThat(p.unallocated()).isEqualTo(Money.of("1000.00", "CNY"));
        assertThat(p.isFullyAllocated()).isFalse();
    }

    @Test
    void allocateAndReleaseMoveTheAllocatedAmountOnly() {
        Payment p = payment(Money.of("1000.00", "CNY")).build();

        Payment allocated = p.allocate(Money.of("300.00", "CNY")).allocate(Money.of("700.00", "CNY"));
        // 300 + 700 = 1000: everything allocated.
        assertThat(allocated.allocated()).isEqualTo(Money.of("1000.00", "CNY"));
        assertThat(allocated.isFullyAllocated()).isTrue();
        assertThat(allocated.toBuilder().allocated(null).build()).isEqualTo(p);

        Payment released = allocated.release(Money.of("300.00", "CNY"));
        assertThat(released.unallocated()).isEqualTo(Money.of("300.00", "CNY"));
    }

    @Test
    void overAllocationNamesTheRuleAndTheUnallocatedLimit() {
        Payment p = payment(Money.of("1000.00", "CNY")).build().allocate(Money.of("800.00", "CNY"));

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> p.allocate(Money.of("200.01", "CNY")));

        assertThat(e.code()).isEqualTo(ErrorCode.RULE_VIOLATED);
        assertThat(e.rule()).isEqualTo("payment.over-allocation");
        assertThat(e.limit()).isEqualTo(Money.of("200.00", "CNY"));
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }

    @Test
    void releasingMoreThanAllocatedIsRefused() {
        Payment p = payment(Money.of("1000", "JPY")).build().allocate(Money.of("10", "JPY"));

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> p.release(Money.of("11", "JPY")));

        assertThat(e.rule()).isEqualTo("payment.over-release");
        assertThat(e.limit()).isEqualTo(Money.of("10", "JPY"));
    }

    @Test
    void negativeAmountIsRejected() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> payment(Money.of("-5.00", "CNY")).build());

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.hasViolation("amount", ErrorCode.FIELD_NOT_POSITIVE)).isTrue();
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }

    @Test
    void zeroAmountIsRejected() {
        assertThatThrownBy(() -> payment(Money.of("0", "CNY")).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("amount", ErrorCode.FIELD_NOT_POSITIVE)).isTrue());
    }

    @Test
    void allocatingAnotherCurrencyIsACurrencyMismatch() {
        Payment p = payment(Money.of("1000.00", "CNY")).build();

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> p.allocate(Money.of("10.00", "USD")));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.hasViolation("part", ErrorCode.CURRENCY_MISMATCH)).isTrue();
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }

    @Test
    void allocatedInAnotherCurrencyOrAboveTheAmountCannotBeBuilt() {
        assertThatThrownBy(() -> payment(Money.of("100.00", "CNY")).allocated(Money.of("1.00", "USD")).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("allocated", ErrorCode.CURRENCY_MISMATCH)).isTrue());
        assertThatThrownBy(() -> payment(Money.of("100.00", "CNY")).allocated(Money.of("100.01", "CNY")).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("allocated", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThatThrownBy(() -> payment(Money.of("100.00", "CNY")).allocated(Money.of("-0.01", "CNY")).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("allocated", ErrorCode.FIELD_NEGATIVE)).isTrue());
    }

    @Test
    void zeroOrNegativePartsAreRejected() {
        Payment p = payment(Money.of("100.00", "CNY")).build();

        assertThatThrownBy(() -> p.allocate(Money.of("0.00", "CNY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("part", ErrorCode.FIELD_NOT_POSITIVE)).isTrue());
        assertThatThrownBy(() -> p.release(Money.of("-1.00", "CNY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("part", ErrorCode.FIELD_NOT_POSITIVE)).isTrue());
    }

    @Test
    void externalReferenceIsStrippedAndLimited() {
        Payment p = payment(Money.of("1.00", "CNY")).externalReference("  TXN-2026-0001 \t").build();
        assertThat(p.externalReference()).isEqualTo("TXN-2026-0001");

        assertThat(payment(Money.of("1.00", "CNY")).externalReference("   ").build().externalReference()).isNull();
        assertThat(payment(Money.of("1.00", "CNY")).externalReference("x".repeat(128)).build().externalReference())
                .hasSize(128);
        assertThatThrownBy(() -> payment(Money.of("1.00", "CNY")).externalReference("x".repeat(129)).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("externalReference", ErrorCode.FIELD_TOO_LONG)).isTrue());
    }

    @Test
    void requiredPartsAreNamed() {
        assertThatThrownBy(() -> payment(Money.of("1.00", "CNY")).accountId(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("accountId", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> payment(Money.of("1.00", "CNY")).receivedOn(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("receivedOn", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> payment(Money.of("1.00", "CNY")).method(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("method", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> payment(Money.of("1.00", "CNY")).owner(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("owner", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> payment(Money.of("1.00", "CNY")).version(-1).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("version", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
    }

    @Test
    void tooLongNoteIsReportedByValidation() {
        Payment p = payment(Money.of("1.00", "CNY")).note(" " + "n".repeat(Payment.MAX_NOTE + 1) + " ").build();

        assertThat(p.note()).hasSize(Payment.MAX_NOTE + 1);
        assertThatThrownBy(() -> CrmValidation.validate(p))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("note", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThat(CrmValidation.violations(p.toBuilder().note("paid by the parent company").build())).isEmpty();
    }
}
