package io.crmkit.spi;

import io.crmkit.core.internal.Checks;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The default {@link IdGenerator}: 26-character, time-ordered ids in Crockford's base32 (the ULID
 * layout): 48 bits of milliseconds since the epoch from an injected {@link Clock}, then 80 random
 * bits, for example {@code 01JD3V6Q8M5W0ZB2N7XKQ4R9TS}.
 *
 * <p>Guarantees: every id is exactly 26 characters of {@code 0-9} and upper-case letters (no I, L, O,
 * U); ids of one generator are strictly increasing in {@link String#compareTo} order, so they never
 * repeat, also within one millisecond (the random part of the previous id is incremented) and when
 * the clock goes backwards (the last timestamp is kept until the clock catches up). Ids of different
 * generators do not collide in practice (80 random bits per millisecond) and sort by creation
 * millisecond. Safe to call from many threads.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    /** How long every id is. */
    public static final int LENGTH = 26;

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final long RANDOM_HIGH_MASK = (1L << 16) - 1;

    private final Clock clock;
    private final SecureRandom random;

    // Guarded by this: the timestamp and 80-bit random part (16 high bits, 64 low bits) of the last id.
    private long lastMillis = -1;
    private long randomHigh;
    private long randomLow;

    /**
     * A generator reading time from {@code clock}, with its own {@link SecureRandom}.
     *
     * @throws io.crmkit.core.error.ValidationException if {@code clock} is null
     */
    public TimeOrderedIdGenerator(Clock clock) {
        this(clock, new SecureRandom());
    }

    /**
     * A generator reading time from {@code clock} and random bits from {@code random}.
     *
     * @throws io.crmkit.core.error.ValidationException if either is null
     */
    public TimeOrderedIdGenerator(Clock clock, SecureRandom random) {
        this.clock = Checks.required("clock", clock);
        this.random = Checks.required("random", random);
    }

    /**
     * A new id, greater than every id this generator made before.
     *
     * @throws io.crmkit.core.error.ValidationException if the clock reads before 1970 or after the
     *     year 10889 (beyond 48 bits of milliseconds)
     */
    @Override
    public String nextId() {
        long millis = Checks.range("clock.millis", clock.millis(), 0, MAX_MILLIS);
        long high;
        long low;
        long stamp;
        synchronized (this) {
            if (millis > lastMillis) {
                lastMillis = millis;
                randomHigh = random.nextInt() & RANDOM_HIGH_MASK;
                randomLow = random.nextLong();
            } else {
                // Same millisecond, or the clock went back: keep the last timestamp and count up, so the
                // order stays strict. Should the 80 bits run over, borrow the next millisecond.
                randomLow++;
                if (randomLow == 0) {
                    randomHigh = (randomHigh + 1) & RANDOM_HIGH_MASK;
                    if (randomHigh == 0) {
                        lastMillis = Checks.range("clock.millis", lastMillis + 1, 0, MAX_MILLIS);
                    }
                }
            }
            stamp = lastMillis;
            high = randomHigh;
            low = randomLow;
        }
        return encode(stamp, high, low);
    }

    /** Crockford base32 of the 128 bits {@code millis(48) high(16) low(64)}, 5 bits a character, most significant first. */
    private static String encode(long millis, long high, long low) {
        char[] out = new char[LENGTH];
        // 10 characters carry the 48-bit timestamp (the first one only its top 3 bits, of 50).
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 16 characters carry the 80 random bits: high(16) followed by low(64).
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }
}
