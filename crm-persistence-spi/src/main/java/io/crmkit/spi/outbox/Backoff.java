package io.crmkit.spi.outbox;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.time.Duration;

/**
 * How long the {@link OutboxRelay} waits before it tries a failed entry again: exponential and
 * deterministic, the delay after the n-th failed attempt is {@code min(max, base × 2^(n-1))}. With
 * the {@linkplain #defaults() defaults} (1 s, capped at 1 h) that is 1 s, 2 s, 4 s, ... 34 min, 1 h,
 * 1 h, ...
 *
 * <p>No randomness: each entry keeps its own schedule (from its own failure time), so retries of
 * different entries spread out by themselves, and tests can predict every retry time exactly.
 *
 * @param base the delay after the first failed attempt; greater than zero
 * @param max the longest delay; at least {@code base} and at most {@value #MAX_DAYS} days
 */
public record Backoff(Duration base, Duration max) {
    /** The longest delay a backoff may have, in days; longer would be a parked entry in disguise. */
    public static final int MAX_DAYS = 365;

    /**
     * Validates the delays.
     *
     * @throws ValidationException if a delay is missing, {@code base} is not positive, {@code max} is
     *     shorter than {@code base} or longer than {@value #MAX_DAYS} days
     */
    public Backoff {
        Checks.required("backoff.base", base);
        Checks.required("backoff.max", max);
        if (base.isNegative() || base.isZero()) {
            throw ValidationException.of("backoff.base", ErrorCode.FIELD_NOT_POSITIVE, base);
        }
        if (max.compareTo(base) < 0) {
            throw ValidationException.of("backoff.max", ErrorCode.FIELD_INVALID,
                    "must be at least backoff.base (" + base + "), but was " + max);
        }
        if (max.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw ValidationException.of("backoff.max", ErrorCode.FIELD_INVALID,
                    "must be at most " + MAX_DAYS + " days, but was " + max);
        }
    }

    /**
     * An exponential backoff: {@code base} after the first failure, doubling after each further one,
     * never more than {@code max}.
     *
     * @throws ValidationException as the {@linkplain #Backoff constructor} does
     */
    public static Backoff exponential(Duration base, Duration max) {
        return new Backoff(base, max);
    }

    /**
     * The same delay after every failure.
     *
     * @throws ValidationException if {@code delay} is missing, not positive or too long
     */
    public static Backoff fixed(Duration delay) {
        return new Backoff(delay, delay);
    }

    /** The relay's default: 1 second, doubling, at most 1 hour. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /**
     * The delay before the next attempt after the {@code attempt}-th failed one:
     * {@code min(max, base × 2^(attempt-1))}. Never overflows, however large {@code attempt} is.
     *
     * @param attempt how many attempts have failed so far, counting this one; 1 or more
     * @throws ValidationException if {@code attempt} is less than 1
     */
    public Duration delayAfter(int attempt) {
        Checks.range("attempt", attempt, 1, Integer.MAX_VALUE);
        // 2^62 already exceeds any max (365 days is ~2^55 ns), so larger exponents change nothing.
        long factor = 1L << Math.min(attempt - 1, 62);
        // base × factor > max exactly when base > floor(max / factor): compare before multiplying,
        // so the product is only computed when it is known to fit.
        if (base.compareTo(max.dividedBy(factor)) > 0) {
            return max;
        }
        return base.multipliedBy(factor);
    }
}
