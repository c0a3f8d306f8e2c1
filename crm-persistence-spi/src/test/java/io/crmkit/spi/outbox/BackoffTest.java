package io.crmkit.spi.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDefaultDoublesFromOneSecondUpToOneHour() {
        Backoff backoff = Backoff.defaults();

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(12)).isEqualTo(Duration.ofSeconds(2048));
        assertThat(backoff.delayAfter(13)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFixedBackoffWaitsTheSameEveryTime() {
        Backoff backoff = Backoff.fixed(Duration.ofMillis(250));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delayAfter(40)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theDelayIsExactlyBaseTimesTwoToTheAttemptsCappedAtMax() {
        qt().forAll(longs().between(1, 10_000_000L), longs().between(0, 10_000_000L), integers().between(1, 200))
                .checkAssert((baseMillis, extraMillis, attempt) -> {
                    Duration base = Duration.ofMillis(baseMillis);
                    Duration max = base.plusMillis(extraMillis);
                    Duration delay = Backoff.exponential(base, max).delayAfter(attempt);

                    Duration expected = attempt > 40
                            ? max
                            : minimum(max, base.multipliedBy(1L << (attempt - 1)));
                    assertThat(delay).isEqualTo(expected);
                });
    }

    @Test
    void theDelayNeverShrinksAsFailuresAddUp() {
        qt().forAll(longs().between(1, 1_000_000_000_000L), integers().between(1, 100_000))
                .checkAssert((baseNanos, attempt) -> {
                    Backoff backoff = Backoff.exponential(Duration.ofNanos(baseNanos), Duration.ofDays(Backoff.MAX_DAYS));

                    assertThat(backoff.delayAfter(attempt + 1)).isGreaterThanOrEqualTo(backoff.delayAfter(attempt));
                    assertThat(backoff.delayAfter(attempt)).isBetween(backoff.base(), backoff.max());
                });
    }

    @Test
    void invalidDelaysSayWhatIsWrong() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("backoff.base", ErrorCode.FIELD_NOT_POSITIVE)).isTrue();
                    assertThat(e.getMessage()).contains("backoff.base must be greater than zero, but was PT0S");
                });
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("backoff.max").contains("at least backoff.base (PT10S)"));
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofDays(Backoff.MAX_DAYS + 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("at most 365 days"));
        assertThatThrownBy(() -> Backoff.exponential(null, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("backoff.base", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> Backoff.defaults().delayAfter(0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("attempt", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
    }

    private static Duration minimum(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
