package io.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {
    private static final Pattern FORM = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void idsAre26CrockfordCharactersStartingWithTheClocksMilliseconds() {
        Instant at = Instant.parse("2026-03-05T08:00:00.123Z");
        String id = new TimeOrderedIdGenerator(Clock.fixed(at, ZoneOffset.UTC)).nextId();
        assertThat(id).matches(FORM);
        assertThat(millisOf(id)).isEqualTo(at.toEpochMilli());
        assertThat(id.charAt(0)).isBetween('0', '7'); // 48 bits in 50: the first character carries 3
    }

    @Test
    void idsFromEightThreadsAreUniqueAndIncreasingPerThread() throws Exception {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.systemUTC());
        int threads = 8;
        int perThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> ids = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        ids.add(generator.nextId());
                    }
                    return ids;
                }));
            }
            start.countDown();
            Set<String> all = new HashSet<>();
            for (Future<List<String>> result : results) {
                List<String> ids = result.get(60, TimeUnit.SECONDS);
                for (int i = 1; i < ids.size(); i++) {
                    assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
                }
                all.addAll(ids);
            }
            assertThat(all).hasSize(threads * perThread);
            // One generator hands its ids out in one total order: the next id is above every one of them.
            assertThat(generator.nextId()).isGreaterThan(all.stream().max(String::compareTo).orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void idsStayIncreasingWithinOneMillisecondAndWhenTheClockGoesBack() {
        qt().forAll(lists().of(longs().between(0, 5_000)).ofSizeBetween(1, 200)).checkAssert(readings -> {
            SteppingClock clock = new SteppingClock(readings);
            TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(clock);
            String previous = "";
            long highest = -1;
            for (int i = 0; i < readings.size(); i++) {
                String id = generator.nextId();
                highest = Math.max(highest, readings.get(i));
                assertThat(id).matches(FORM).isGreaterThan(previous);
                // The timestamp never goes back: it is the highest reading so far.
                assertThat(millisOf(id)).isEqualTo(highest);
                previous = id;
            }
        });
    }

    @Test
    void whenTheRandomPartRunsOverTheNextMillisecondIsBorrowed() {
        SecureRandom allOnes = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public int nextInt() {
                return -1;
            }

            @Override
            public long nextLong() {
                return -1L;
            }
        };
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.fixed(Instant.ofEpochMilli(1000), ZoneOffset.UTC), allOnes);
        String first = generator.nextId();
        String second = generator.nextId();
        assertThat(first).endsWith("ZZZZZZZZZZZZZZZZ");
        assertThat(second).isGreaterThan(first);
        assertThat(millisOf(first)).isEqualTo(1000);
        assertThat(millisOf(second)).isEqualTo(1001);
    }

    @Test
    void aClockBefore1970IsRejected() {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.fixed(Instant.ofEpochMilli(-1), ZoneOffset.UTC));
        assertThatThrownBy(generator::nextId).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new TimeOrderedIdGenerator(null)).isInstanceOf(ValidationException.class);
    }

    private static long millisOf(String id) {
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = millis * 32 + ALPHABET.indexOf(id.charAt(i));
        }
        return millis;
    }

    /** A clock that reads the given milliseconds one after the other, then the last one forever. */
    private static final class SteppingClock extends Clock {
        private final List<Long> readings;
        private final AtomicLong next = new AtomicLong();

        SteppingClock(List<Long> readings) {
            this.readings = readings;
        }

        @Override
        public long millis() {
            int index = (int) Math.min(next.getAndIncrement(), readings.size() - 1);
            return readings.get(index);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
