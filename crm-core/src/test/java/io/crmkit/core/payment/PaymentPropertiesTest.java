package io.crmkit.core.payment;

import static io.crmkit.core.payment.PaymentFixtures.CURRENCIES;
import static io.crmkit.core.payment.PaymentFixtures.other;
import static org.quicktheories.QuickTheory.qt;
import static io.crmkit.core.payment.PaymentFixtures.payment;
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
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of allocate and release on one payment, checked step by step against a model
 * that keeps the allocated amount as a whole number of minor units.
 */
class PaymentPropertiesTest {

    enum Kind { ALLOCATE, RELEASE }

    /** One step: what to do, with how many minor units, and whether in a foreign currency. */
    record Step(Kind kind, long minor, boolean foreign) {}

    // Parts up to 1,500 minor units against payments up to 5,000 reach both "fits" and "too much".
    private static Gen<Step> steps() {
        return arbitrary().enumValues(Kind.class).zip(longs().between(-2, 1_500), integers().between(0, 9),
                (kind, minor, coin) -> new Step(kind, minor, coin == 0));
    }

    @Test
    void allocateAndReleaseKeepTheAllocationInvariant() {
        qt().withExamples(500)
                .forAll(arbitrary().pick(CURRENCIES), longs().between(1, 5_000), lists().of(steps()).ofSizeBetween(0, 60))
                .checkAssert((currency, amountMinor, steps) -> {
                    Money amount = Money.ofMinor(amountMinor, currency);
                    Payment p = payment(amount).build();
                    long allocated = 0;
                    for (Step step : steps) {
                        Payment before = p;
                        Money part = Money.ofMinor(step.minor(), step.foreign() ? other(currency) : currency);
                        if (step.foreign()) {
                            assertThatThrownBy(() -> apply(before, step.kind(), part))
                                    .isInstanceOfSatisfying(ValidationException.class,
                                            e -> assertThat(e.hasViolation("part", ErrorCode.CURRENCY_MISMATCH)).isTrue());
                        } else if (step.minor() <= 0) {
                            assertThatThrownBy(() -> apply(before, step.kind(), part))
                                    .isInstanceOfSatisfying(ValidationException.class,
                                            e -> assertThat(e.hasViolation("part", ErrorCode.FIELD_NOT_POSITIVE)).isTrue());
                        } else if (step.kind() == Kind.ALLOCATE && step.minor() > amountMinor - allocated) {
                            Money limit = Money.ofMinor(amountMinor - allocated, currency);
                            assertThatThrownBy(() -> apply(before, step.kind(), part))
                                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                                        assertThat(e.rule()).isEqualTo("payment.over-allocation");
                                        assertThat(e.limit()).isEqualTo(limit);
                                    });
                        } else if (step.kind() == Kind.RELEASE && step.minor() > allocated) {
                            Money limit = Money.ofMinor(allocated, currency);
                            assertThatThrownBy(() -> apply(before, step.kind(), part))
                                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                                        assertThat(e.rule()).isEqualTo("payment.over-release");
                                        assertThat(e.limit()).isEqualTo(limit);
                                    });
                        } else {
                            p = apply(before, step.kind(), part);
                            allocated += step.kind() == Kind.ALLOCATE ? step.minor() : -step.minor();
                            // Only the allocated amount moves.
                            assertThat(p.toBuilder().allocated(before.allocated()).build()).isEqualTo(before);
                        }

                        // After every step, accepted or refused, the value agrees with the model.
                        assertThat(p.allocated()).isEqualTo(Money.ofMinor(allocated, currency));
                        assertThat(p.allocated().isNegative()).isFalse();
                        assertThat(p.allocated().compareTo(p.amount())).isLessThanOrEqualTo(0);
                        assertThat(p.unallocated().plus(p.allocated())).isEqualTo(p.amount());
                        assertThat(p.amount()).isEqualTo(amount);
                    }
                });
    }

    private static Payment apply(Payment p, Kind kind, Money part) {
        return kind == Kind.ALLOCATE ? p.allocate(part) : p.release(part);
    }

    @Test
    void allocatingTheUnallocatedRemainderAlwaysFits() {
        qt().withExamples(300)
                .forAll(arbitrary().pick(CURRENCIES), longs().between(1, 1_000_000_000L), longs().between(0, 1_000_000_000L))
                .checkAssert((Currency currency, Long amountMinor, Long seed) -> {
                    long first = seed % (amountMinor + 1);
                    Payment p = payment(Money.ofMinor(amountMinor, currency)).build();
                    Payment partly = first == 0 ? p : p.allocate(Money.ofMinor(first, currency));

                    Payment full = partly.unallocated().isZero() ? partly : partly.allocate(partly.unallocated());

                    assertThat(full.isFullyAllocated()).isTrue();
                    assertThat(full.unallocated().isZero()).isTrue();
                });
    }
}
