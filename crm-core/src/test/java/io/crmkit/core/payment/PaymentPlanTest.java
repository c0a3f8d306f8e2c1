package io.crmkit.core.payment;

import static io.crmkit.core.payment.PaymentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.validation.CrmValidation;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PaymentPlanTest {
    private static final LocalDate APR = LocalDate.of(2026, 4, 30);
    private static final LocalDate JUN = LocalDate.of(2026, 6, 30);
    private static final LocalDate SEP = LocalDate.of(2026, 9, 30);

    /** A 30/50/20 plan of CNY 10,000.00, split by hand. */
    private static List<Installment> thirtyFiftyTwenty() {
        return PaymentPlan.installmentsFrom(List.of(APR, JUN, SEP),
                List.of(Money.of("3000.00", "CNY"), Money.of("5000.00", "CNY"), Money.of("2000.00", "CNY")));
    }

    @Test
    void installmentsFromNumbersThemInOrderWithNothingPaid() {
        List<Installment> installments = thirtyFiftyTwenty();

        assertThat(installments).extracting(Installment::number).containsExactly(1, 2, 3);
        assertThat(installments).extracting(Installment::dueOn).containsExactly(APR, JUN, SEP);
        assertThat(installments).extracting(Installment::paid).containsOnly(Money.of("0.00", "CNY"));
        // 3000 + 5000 + 2000 = 10000
        assertThat(plan(CNY, installments).build().total()).isEqualTo(Money.of("10000.00", "CNY"));
    }

    @Test
    void installmentsFromRejectsListsOfDifferentSizes() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PaymentPlan.installmentsFrom(List.of(APR, JUN), List.of(Money.of("1.00", "CNY"))));

        assertThat(e.hasViolation("amounts", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
    }

    @Test
    void installmentsAreOrderedByNumber() {
        PaymentPlan p = plan(CNY, List.of(
                Installment.of(3, SEP, Money.of("1.00", "CNY")),
                Installment.of(1, APR, Money.of("2.00", "CNY")),
                Installment.of(2, JUN, Money.of("3.00", "CNY")))).build();

        assertThat(p.installments()).extracting(Installment::number).containsExactly(1, 2, 3);
        assertThat(p.installment(3).dueOn()).isEqualTo(SEP);
    }

    @Test
    void duplicateNumbersAreRejected() {
        assertThatThrownBy(() -> plan(CNY, List.of(
                Installment.of(1, APR, Money.of("1.00", "CNY")),
                Installment.of(1, JUN, Money.of("1.00", "CNY")))).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("installments[1].number", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void recordAndReleasePaymentUpdateOneInstallment() {
        PaymentPlan p = plan(CNY, thirtyFiftyTwenty()).build();

        PaymentPlan paid = p.recordPayment(2, Money.of("1200.00", "CNY"));

        assertThat(paid.installment(2).paid()).isEqualTo(Money.of("1200.00", "CNY"));
        assertThat(paid.installment(1)).isEqualTo(p.installment(1));
        assertThat(paid.installment(3)).isEqualTo(p.installment(3));
        assertThat(paid.totalPaid()).isEqualTo(Money.of("1200.00", "CNY"));
        assertThat(paid.releasePayment(2, Money.of("1200.00", "CNY"))).isEqualTo(p);
    }

    @Test
    void overPaymentOfAnInstallmentIsRefusedWithTheOutstandingAsLimit() {
        PaymentPlan p = plan(CNY, thirtyFiftyTwenty()).build().recordPayment(1, Money.of("2999.00", "CNY"));

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> p.recordPayment(1, Money.of("1.01", "CNY")));

        assertThat(e.code()).isEqualTo(ErrorCode.RULE_VIOLATED);
        assertThat(e.rule()).isEqualTo("installment.over-payment");
        // 3000.00 - 2999.00 = 1.00 still outstanding
        assertThat(e.limit()).isEqualTo(Money.of("1.00", "CNY"));
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }

    @Test
    void unknownInstallmentNumberIsRejected() {
        PaymentPlan p = plan(CNY, thirtyFiftyTwenty()).build();

        assertThatThrownBy(() -> p.recordPayment(4, Money.of("1.00", "CNY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("installmentNumber", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void orderAndContractBothSetIsRejectedOnBothFields() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> plan(CNY, thirtyFiftyTwenty()).contractId(ContractId.of("c-1")).build());

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.hasViolation("orderId", ErrorCode.PAYMENT_PLAN_TARGET)).isTrue();
        assertThat(e.hasViolation("contractId", ErrorCode.PAYMENT_PLAN_TARGET)).isTrue();
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
        assertThat(e.violations().get(0).message(Locale.SIMPLIFIED_CHINESE))
                .isNotEqualTo(e.violations().get(0).message());
    }

    @Test
    void neitherOrderNorContractIsRejected() {
        assertThatThrownBy(() -> plan(CNY, thirtyFiftyTwenty()).orderId(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("orderId", ErrorCode.PAYMENT_PLAN_TARGET)).isTrue());
        PaymentPlan forContract = plan(CNY, thirtyFiftyTwenty()).orderId(null).contractId(ContractId.of("c-1")).build();
        assertThat(forContract.contractId()).isEqualTo(ContractId.of("c-1"));
    }

    @Test
    void installmentInAnotherCurrencyIsACurrencyMismatch() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> plan(CNY, List.of(
                Installment.of(1, APR, Money.of("1.00", "CNY")),
                Installment.of(2, JUN, Money.of("1.00", "USD")))).build());

        assertThat(e.hasViolation("installments[1].amount", ErrorCode.CURRENCY_MISMATCH)).isTrue();
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
    }

    @Test
    void paymentInAnotherCurrencyIsACurrencyMismatch() {
        PaymentPlan p = plan(CNY, thirtyFiftyTwenty()).build();

        assertThatThrownBy(() -> p.recordPayment(1, Money.of("1", "JPY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("part", ErrorCode.CURRENCY_MISMATCH)).isTrue());
    }

    @Test
    void currencyWithoutMinorUnitIsRejected() {
        assertThatThrownBy(() -> plan(Currency.getInstance("XXX"), List.of()).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("currency", ErrorCode.CURRENCY_UNSUPPORTED)).isTrue());
    }

    @Test
    void installmentChecksItsOwnAmounts() {
        assertThatThrownBy(() -> Installment.of(0, APR, Money.of("1.00", "CNY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("number", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThatThrownBy(() -> Installment.of(1, APR, Money.of("-1.00", "CNY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("amount", ErrorCode.FIELD_NOT_POSITIVE)).isTrue());
        assertThatThrownBy(() -> new Installment(1, APR, Money.of("1.00", "CNY"), Money.of("1.01", "CNY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("paid", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThatThrownBy(() -> new Installment(1, APR, Money.of("1.00", "CNY"), Money.of("1.00", "USD")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("paid", ErrorCode.CURRENCY_MISMATCH)).isTrue());
    }

    @Test
    void aPlanWithoutInstallmentsIsReportedByValidation() {
        PaymentPlan empty = plan(CNY, null).build();

        assertThat(empty.installments()).isEmpty();
        assertThat(empty.total()).isEqualTo(Money.zero(CNY));
        assertThatThrownBy(() -> CrmValidation.validate(empty))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("installments", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThat(CrmValidation.violations(plan(CNY, thirtyFiftyTwenty()).build())).isEmpty();
    }

    @Test
    void toBuilderRebuildsAnEqualValue() {
        PaymentPlan p = plan(CNY, thirtyFiftyTwenty()).build().recordPayment(3, Money.of("5.00", "CNY"));

        assertThat(p.toBuilder().build()).isEqualTo(p);
    }
}
