package io.crmkit.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.crmkit.core.error.ValidationException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class PeriodUnitTest {
    private static final LocalDate MARCH_5 = LocalDate.parse("2026-03-05");

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void keysOfEachUnit() {
        assertThat(PeriodUnit.DAY.keyOf(MARCH_5)).isEqualTo("2026-03-05");
        assertThat(PeriodUnit.WEEK.keyOf(MARCH_5)).isEqualTo("2026-W10");
        assertThat(PeriodUnit.MONTH.keyOf(MARCH_5)).isEqualTo("2026-03");
        assertThat(PeriodUnit.QUARTER.keyOf(MARCH_5)).isEqualTo("2026-Q1");
        assertThat(PeriodUnit.YEAR.keyOf(MARCH_5)).isEqualTo("2026");
    }

    @Test
    void isoWeeksAroundNewYearBelongToTheirWeekBasedYear() {
        assertThat(PeriodUnit.WEEK.keyOf(d("2026-01-01"))).isEqualTo("2026-W01"); // a Thursday
        assertThat(PeriodUnit.WEEK.keyOf(d("2025-12-29"))).isEqualTo("2026-W01"); // its Monday
        assertThat(PeriodUnit.WEEK.keyOf(d("2025-12-28"))).isEqualTo("2025-W52");
        assertThat(PeriodUnit.WEEK.keyOf(d("2027-01-01"))).isEqualTo("2026-W53");
        assertThat(PeriodUnit.WEEK.keyOf(d("2027-01-03"))).isEqualTo("2026-W53");
        assertThat(PeriodUnit.WEEK.keyOf(d("2027-01-04"))).isEqualTo("2027-W01");
        assertThat(PeriodUnit.WEEK.keyOf(d("2024-12-30"))).isEqualTo("2025-W01");
        assertThat(PeriodUnit.WEEK.keyOf(d("2024-12-29"))).isEqualTo("2024-W52");
        assertThat(PeriodUnit.WEEK.keyOf(d("2026-01-05"))).isEqualTo("2026-W02");
    }

    @Test
    void quarters() {
        assertThat(PeriodUnit.QUARTER.keyOf(d("2026-01-01"))).isEqualTo("2026-Q1");
        assertThat(PeriodUnit.QUARTER.keyOf(d("2026-03-31"))).isEqualTo("2026-Q1");
        assertThat(PeriodUnit.QUARTER.keyOf(d("2026-04-01"))).isEqualTo("2026-Q2");
        assertThat(PeriodUnit.QUARTER.keyOf(d("2026-09-30"))).isEqualTo("2026-Q3");
        assertThat(PeriodUnit.QUARTER.keyOf(d("2026-12-31"))).isEqualTo("2026-Q4");
        assertThat(PeriodUnit.QUARTER.startOf(d("2026-12-31"))).isEqualTo(d("2026-10-01"));
        assertThat(PeriodUnit.QUARTER.startOf(d("2026-05-17"))).isEqualTo(d("2026-04-01"));
    }

    @Test
    void startsOfPeriods() {
        assertThat(PeriodUnit.DAY.startOf(MARCH_5)).isEqualTo(MARCH_5);
        assertThat(PeriodUnit.WEEK.startOf(MARCH_5)).isEqualTo(d("2026-03-02"));
        assertThat(PeriodUnit.WEEK.startOf(d("2026-03-02"))).isEqualTo(d("2026-03-02"));
        assertThat(PeriodUnit.WEEK.startOf(d("2027-01-01"))).isEqualTo(d("2026-12-28"));
        assertThat(PeriodUnit.MONTH.startOf(MARCH_5)).isEqualTo(d("2026-03-01"));
        assertThat(PeriodUnit.YEAR.startOf(MARCH_5)).isEqualTo(d("2026-01-01"));
    }

    @Test
    void instantsAreKeyedOnTheTenantsCalendar() {
        Instant instant = Instant.parse("2026-12-31T17:00:00Z"); // 2027-01-01 01:00 in Shanghai
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(PeriodUnit.DAY.keyOf(instant, ZoneOffset.UTC)).isEqualTo("2026-12-31");
        assertThat(PeriodUnit.DAY.keyOf(instant, shanghai)).isEqualTo("2027-01-01");
        assertThat(PeriodUnit.YEAR.keyOf(instant, ZoneOffset.UTC)).isEqualTo("2026");
        assertThat(PeriodUnit.YEAR.keyOf(instant, shanghai)).isEqualTo("2027");
        assertThat(PeriodUnit.QUARTER.keyOf(instant, shanghai)).isEqualTo("2027-Q1");
        assertThat(PeriodUnit.WEEK.keyOf(instant, shanghai)).isEqualTo("2026-W53");
    }

    @Test
    void yearsArePaddedLikeLocalDate() {
        LocalDate early = LocalDate.of(987, 6, 1);
        assertThat(PeriodUnit.YEAR.keyOf(early)).isEqualTo("0987");
        assertThat(PeriodUnit.MONTH.keyOf(early)).isEqualTo("0987-06");
        assertThat(PeriodUnit.QUARTER.keyOf(early)).isEqualTo("0987-Q2");
        assertThat(PeriodUnit.DAY.keyOf(early)).isEqualTo("0987-06-01");
        assertThat(PeriodUnit.YEAR.keyOf(LocalDate.of(10_000, 1, 1))).isEqualTo("+10000");
        assertThat(PeriodUnit.YEAR.keyOf(LocalDate.of(-5, 1, 1))).isEqualTo("-0005");
    }

    @Test
    void everyDayOfAPeriodHasItsStartsKeyAndTheStartIsNotAfterIt() {
        qt().withExamples(2000).forAll(integers().between(-1_000, 100_000)).checkAssert(epochDay -> {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            for (PeriodUnit unit : PeriodUnit.values()) {
                LocalDate start = unit.startOf(date);
                assertThat(start).as("%s %s", unit, date).isBeforeOrEqualTo(date);
                assertThat(unit.keyOf(start)).as("%s %s", unit, date).isEqualTo(unit.keyOf(date));
                assertThat(unit.keyOf(start.minusDays(1))).as("the day before the start is another period")
                        .isNotEqualTo(unit.keyOf(date));
                assertThat(unit.startOf(start)).isEqualTo(start);
            }
            assertThat(PeriodUnit.WEEK.startOf(date).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(ChronoUnit.DAYS.between(PeriodUnit.WEEK.startOf(date), date)).isBetween(0L, 6L);
            assertThat(PeriodUnit.WEEK.keyOf(date)).matches("\\d{4}-W\\d{2}");
        });
    }

    @Test
    void keysOfOneUnitSortLikeTheirPeriods() {
        qt().withExamples(1000).forAll(integers().between(0, 2_900_000), integers().between(0, 2_900_000))
                .checkAssert((a, b) -> {
                    LocalDate x = LocalDate.ofEpochDay(a);
                    LocalDate y = LocalDate.ofEpochDay(b);
                    for (PeriodUnit unit : PeriodUnit.values()) {
                        int byDate = unit.startOf(x).compareTo(unit.startOf(y));
                        int byKey = unit.keyOf(x).compareTo(unit.keyOf(y));
                        assertThat(Integer.signum(byKey)).as("%s %s %s", unit, x, y).isEqualTo(Integer.signum(byDate));
                    }
                });
    }

    @Test
    void nullsAreValidationErrors() {
        assertThatThrownBy(() -> PeriodUnit.DAY.keyOf((LocalDate) null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PeriodUnit.DAY.keyOf(null, ZoneOffset.UTC)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PeriodUnit.DAY.keyOf(Instant.EPOCH, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PeriodUnit.DAY.startOf(null)).isInstanceOf(ValidationException.class);
    }
}
