package io.crmkit.core.payment;

import static io.crmkit.core.payment.PaymentFixtures.CURRENCIES;
import static io.crmkit.core.payment.PaymentFixtures.other;
import static org.quicktheories.QuickTheory.qt;
import static io.crmkit.core.payment.PaymentFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of recordPayment and releasePayment on a plan, checked step by step against a
 * model that keeps each installment's paid amount as whole minor units.
 */
class PaymentPlanPropertiesTest {

    enum Kind { RECORD, RELEASE }

    /** One step: what to do, on which installment number, with how many minor units, in which currency. */
    record Step(Kind kind, int number, long minor, boolean foreign) {}

    // Numbers 0 and 7 never exist (plans have 1 to 6 installments), so unknown numbers occur too.
    private static Gen<Step> steps() {
        return arbitrary().enumValues(Kind.class).zip(integers().between(0, 7), longs().between(-1, 2_000),
                integers().between(0, 9), (kind, number, minor, coin) -> new Step(kind, number, minor, coin == 0));
    }

    @Test
    void recordAndReleaseKeepEveryInstallmentWithinBounds() {
        qt().withExamples(500)
                .forAll(arbitrary().pick(CURRENCIES), lists().of(longs().between(1, 3_000)).ofSizeBetween(1, 6),
                        lists().of(steps()).ofSizeBetween(0, 60))
                .checkAssert((currency, amountsMinor, steps) -> {
                    int n = amountsMinor.size();
                    List<LocalDate> dueDates = new ArrayList<>();
                    List<Money> amounts = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        dueDates.add(LocalDate.of(2026, 1, 31).plusMonths(i));
                        amounts.add(Money.ofMinor(amountsMinor.get(i), currency));
                    }
                    PaymentPlan p = plan(currency, PaymentPlan.installmentsFrom(dueDates, amounts)).build();
                    Money total = p.total();
                    long[] paid = new long[n + 1]; // by installment number; index 0 unused

                    for (Step step : steps) {
                        PaymentPlan before = p;
                        Currency partCurrency = step.foreign() ? other(currency) : currency;
                        Money part = Money.ofMinor(step.minor(), partCurrency);
                        boolean exists = step.number() >= 1 && step.number() <= n;
                        if (!exists) {
                            assertThatThrownBy(() -> apply(before, step, part))
                                    .isInstanceOfSatisfying(ValidationException.class,
                                            e -> assertThat(e.hasViolation("installmentNumber", ErrorCode.FIELD_INVALID)).isTrue());
                        } else if (step.foreign()) {
                            assertThatThrownBy(() -> apply(before, step, part))
                                    .isInstanceOfSatisfying(ValidationException.class,
                                            e -> assertThat(e.hasViolation("part", ErrorCode.CURRENCY_MISMATCH)).isTrue());
                        } else if (step.minor() <= 0) {
                            assertThatThrownBy(() -> apply(before, step, part))
                                    .isInstanceOfSatisfying(ValidationException.class,
                                            e -> assertThat(e.hasViolation("part", ErrorCode.FIELD_NOT_POSITIVE)).isTrue());
                        } else if (step.kind() == Kind.RECORD
                                && step.minor() > amountsMinor.get(step.number() - 1) - paid[step.number()]) {
                            Money limit = Money.ofMinor(amountsMinor.get(step.number() - 1) - paid[step.number()], currency);
                            assertThatThrownBy(() -> apply(before, step, part))
                                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                                        assertThat(e.rule()).isEqualTo("installment.over-payment");
                                        assertThat(e.limit()).isEqualTo(limit);
                                    });
                        } else if (step.kind() == Kind.RELEASE && step.minor() > paid[step.number()]) {
                            Money limit = Money.ofMinor(paid[step.number()], currency);
                            assertThatThrownBy(() -> apply(before, step, part))
                                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                                        assertThat(e.rule()).isEqualTo("installment.over-release");
                                        assertThat(e.limit()).isEqualTo(limit);
                                    });
                        } else {
                            p = apply(before, step, part);
                            paid[step.number()] += step.kind() == Kind.RECORD ? step.minor() : -step.minor();
                        }

                        // After every step, accepted or refused, the plan agrees with the model.
                        long paidSum = 0;
                        assertThat(p.installments()).hasSize(n);
                        for (int number = 1; number <= n; number++) {
                            Installment inst = p.installment(number);
                            assertThat(inst.number()).isEqualTo(number);
                            assertThat(p.installments().get(number - 1)).isSameAs(inst);
                            assertThat(inst.amount()).isEqualTo(amounts.get(number - 1));
                            assertThat(inst.dueOn()).isEqualTo(dueDates.get(number - 1));
                            assertThat(inst.paid()).isEqualTo(Money.ofMinor(paid[number], currency));
                            assertThat(inst.paid().isNegative()).isFalse();
                            assertThat(inst.paid().compareTo(inst.amount())).isLessThanOrEqualTo(0);
                            assertThat(inst.paid().plus(inst.outstanding())).isEqualTo(inst.amount());
                            paidSum += paid[number];
                        }
                        assertThat(p.total()).isEqualTo(total);
                        assertThat(p.totalPaid()).isEqualTo(Money.ofMinor(paidSum, currency));
                    }
                });
    }

    private static PaymentPlan apply(PaymentPlan p, Step step, Money part) {
        return step.kind() == Kind.RECORD ? p.recordPayment(step.number(), part) : p.releasePayment(step.number(), part);
    }
}
