package io.crmkit.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task on many real threads that all start at once (a start gate), and waits for all of them
 * with a generous bound: a storm that does not finish fails as hung (a deadlock or a livelock), it is
 * never judged by how long it took.
 */
final class ConcurrencyStorm {
    /** How long a storm may take before it counts as hung; far above what any store needs. */
    private static final long BOUND_SECONDS = 120;

    private ConcurrencyStorm() {}

    /**
     * Runs {@code task} on {@code threads} threads, passing each its index, all released together.
     *
     * @throws AssertionError if a thread failed (with its failure as cause) or the storm did not end in time
     */
    static void run(int threads, IntConsumer task) throws InterruptedException {
        AtomicInteger names = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "tck-storm-" + names.incrementAndGet());
            t.setDaemon(true); // a hung storm must not keep the test JVM alive
            return t;
        };
        ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    task.accept(index);
                    return null;
                }));
            }
            if (!ready.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the storm's " + threads + " threads did not all start");
            }
            start.countDown();
            executor.shutdown();
            if (!executor.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the storm of " + threads + " threads did not end within "
                        + BOUND_SECONDS + " s: a deadlock or livelock in the store?");
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new AssertionError("a thread of the storm failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
