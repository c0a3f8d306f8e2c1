package io.crmkit.core.payment;

import static io.crmkit.core.payment.PaymentFixtures.CURRENCIES;
import static org.quicktheories.QuickTheory.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class InstallmentStandingTest {
    private static final LocalDate MAR_31 = LocalDate.of(2026, 3, 31);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // --- examples ---

    /**
     * The Wukong defect: an overdue check written as "due date before today" evaluated at the
     * start of the due date itself, or as "today after due date" on timestamps, can never fire or
     * fires a day early. The due day belongs to the customer; the next day is overdue.
     */
    @Test
    void dueOnTheLastOfMarchIsPendingThatDayAndOverdueTheNext() {
        Installment i = Installment.of(1, MAR_31, Money.of("3000.00", "CNY"));

        InstallmentStanding onDueDate = i.standing(MAR_31);
        InstallmentStanding dayAfter = i.standing(APR_1);

        assertThat(onDueDate.status()).isEqualTo(InstallmentStatus.PENDING);
        assertThat(onDueDate.daysOverdue()).isZero();
        assertThat(dayAfter.status()).isEqualTo(InstallmentStatus.OVERDUE);
        assertThat(dayAfter.daysOverdue()).isEqualTo(1);
        assertThat(dayAfter.outstanding()).isEqualTo(Money.of("3000.00", "CNY"));
    }

    @Test
    void partiallyPaidPastDueIsOverdueAndStillReportsThePartialPayment() {
        Installment i = new Installment(1, MAR_31, Money.of("3000.00", "CNY"), Money.of("1000.00", "CNY"));

        InstallmentStanding beforeDue = i.standing(MAR_31.minusDays(3));
        InstallmentStanding tenDaysLate = i.standing(LocalDate.of(2026, 4, 10));

        assertThat(beforeDue.status()).isEqualTo(InstallmentStatus.PARTIALLY_PAID);
        assertThat(tenDaysLate.status()).isEqualTo(InstallmentStatus.OVERDUE);
        assertThat(tenDaysLate.isOverdue()).isTrue();
        assertThat(tenDaysLate.isPartiallyPaid()).isTrue();
        assertThat(tenDaysLate.paid()).isEqualTo(Money.of("1000.00", "CNY"));
        // 3000.00 - 1000.00 = 2000.00 outstanding; 31 March to 10 April is 10 days.
        assertThat(tenDaysLate.outstanding()).isEqualTo(Money.of("2000.00", "CNY"));
        assertThat(tenDaysLate.daysOverdue()).isEqualTo(10);
    }

    @Test
    void paidInFullLateIsPaidNotOverdue() {
        Installment i = new Installment(1, MAR_31, Money.of("3000", "JPY"), Money.of("3000", "JPY"));

        InstallmentStanding s = i.standing(LocalDate.of(2026, 12, 1));

        assertThat(s.status()).isEqualTo(InstallmentStatus.PAID);
        assertThat(s.daysOverdue()).isZero();
        assertThat(s.isPartiallyPaid()).isFalse();
    }

    @Test
    void theSameInstantIsOverdueInShanghaiButNotInUtc() {
        Installment i = Installment.of(1, MAR_31, Money.of("3000.00", "CNY"));
        // 16:30 UTC is 00:30 the next day in Shanghai (UTC+8).
        Instant now = Instant.parse("2026-03-31T16:30:00Z");

        assertThat(Installment.tenantDate(now, SHANGHAI)).isEqualTo(APR_1);
        assertThat(Installment.tenantDate(now, ZoneOffset.UTC)).isEqualTo(MAR_31);
        assertThat(i.standing(now, SHANGHAI).status()).isEqualTo(InstallmentStatus.OVERDUE);
        assertThat(i.standing(now, ZoneOffset.UTC).status()).isEqualTo(InstallmentStatus.PENDING);
    }

    @Test
    void tenantDateNeedsAnInstantAndAZone() {
        assertThatThrownBy(() -> Installment.tenantDate(Instant.EPOCH, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("zone", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> Installment.tenantDate(null, SHANGHAI))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("now", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void aStandingThatContradictsItsAmountsCannotBeBuilt() {
        Money zero = Money.of("0.00", "CNY");
        Money hundred = Money.of("100.00", "CNY");

        assertThatThrownBy(() -> new InstallmentStanding(InstallmentStatus.PAID, zero, hundred, 0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new InstallmentStanding(InstallmentStatus.OVERDUE, zero, hundred, 0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new InstallmentStanding(InstallmentStatus.PENDING, hundred, hundred, 0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new InstallmentStanding(InstallmentStatus.PARTIALLY_PAID, zero, hundred, 0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new InstallmentStanding(InstallmentStatus.PENDING, zero, Money.of("1.00", "USD"), 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("outstanding", ErrorCode.CURRENCY_MISMATCH)).isTrue());
        assertThat(new InstallmentStanding(InstallmentStatus.OVERDUE, zero, hundred, 3).amount()).isEqualTo(hundred);
    }

    // --- properties ---

    /** An installment with amount, paid and due date drawn at random; paid is zero, full or partial. */
    private static Gen<Installment> installments() {
        Gen<Currency> currency = arbitrary().pick(CURRENCIES);
        Gen<Long> amountMinor = longs().between(1, 1_000_000);
        Gen<Long> paidSeed = longs().between(0, 1_000_000);
        Gen<Integer> paidKind = integers().between(0, 2); // 0 nothing, 1 in full, 2 some part
        Gen<LocalDate> dueOn = longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2100, 1, 1).toEpochDay())
                .map(LocalDate::ofEpochDay);
        return currency.zip(amountMinor, paidSeed, paidKind, dueOn, (c, a, seed, kind, due) -> {
            long paid = kind == 0 ? 0 : kind == 1 ? a : seed % (a + 1);
            return new Installment(1, due, Money.ofMinor(a, c), Money.ofMinor(paid, c));
        });
    }

    @Test
    void derivedStatusIsConsistentWithAmountsAndDates() {
        qt().withExamples(2000).forAll(installments(), longs().between(-400, 400)).checkAssert((i, offset) -> {
            LocalDate today = i.dueOn().plusDays(offset);
            InstallmentStanding s = i.standing(today);
            boolean fullyPaid = i.paid().compareTo(i.amount()) >= 0;

            assertThat(s.status() == InstallmentStatus.PAID).isEqualTo(fullyPaid);
            assertThat(s.status() == InstallmentStatus.OVERDUE).isEqualTo(!fullyPaid && today.isAfter(i.dueOn()));
            assertThat(s.status() == InstallmentStatus.PENDING)
                    .isEqualTo(i.paid().isZero() && !today.isAfter(i.dueOn()));
            assertThat(s.status() == InstallmentStatus.PARTIALLY_PAID)
                    .isEqualTo(i.paid().isPositive() && !fullyPaid && !today.isAfter(i.dueOn()));
            assertThat(s.paid()).isEqualTo(i.paid());
            assertThat(s.paid().plus(s.outstanding())).isEqualTo(i.amount());
            assertThat(s.isPartiallyPaid()).isEqualTo(i.paid().isPositive() && !fullyPaid);
            assertThat(s.daysOverdue()).isEqualTo(
                    s.status() == InstallmentStatus.OVERDUE ? ChronoUnit.DAYS.between(i.dueOn(), today) : 0);
        });
    }

    @Test
    void neverOverdueOnTheDueDateItself() {
        qt().withExamples(500).forAll(installments()).checkAssert(i ->
                assertThat(i.standing(i.dueOn()).status()).isNotEqualTo(InstallmentStatus.OVERDUE));
    }

    @Test
    void overdueFromTheFirstInstantOfTheNextDayInTheTenantsZone() {
        List<ZoneId> zones = List.of(ZoneOffset.UTC, SHANGHAI, ZoneId.of("Asia/Kolkata"),
                ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"));
        Gen<Long> secondsAroundDue = longs().between(-3 * 86_400, 3 * 86_400);
        qt().withExamples(1000)
                .forAll(installments(), arbitrary().pick(zones), secondsAroundDue)
                .checkAssert((i, zone, seconds) -> {
                    Instant startOfNextDay = i.dueOn().plusDays(1).atStartOfDay(zone).toInstant();
                    Instant now = startOfNextDay.plusSeconds(seconds);
                    boolean expectOverdue = !i.isFullyPaid() && !now.isBefore(startOfNextDay);

                    assertThat(i.standing(now, zone).isOverdue()).isEqualTo(expectOverdue);
                });
    }
}
