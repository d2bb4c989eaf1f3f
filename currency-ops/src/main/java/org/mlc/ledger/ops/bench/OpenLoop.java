package org.mlc.ledger.ops.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load: operation {@code i} is due at {@code start + i / rate}, whatever the answers
 * of the earlier ones (people arrive at the counters at their own pace, not when the previous one
 * is served). One thread starts each operation when it is due and hands it to a pool of workers;
 * its latency is counted <em>from when it was due</em>, so that time spent queued behind a slow
 * answer is in the figures (no coordinated omission).
 */
public final class OpenLoop {

    /** One operation: {@code index} in the schedule, {@code dueNanos} when it was due (System.nanoTime). */
    @FunctionalInterface
    public interface Operation {
        void run(long index, long dueNanos);
    }

    /** What the schedule came to: operations started, and how late the scheduler started the latest. */
    public record Summary(long scheduled, double maxDispatchDelayMillis) {
    }

    private OpenLoop() {
    }

    /** How many operations {@code seconds} at {@code perSecond} make. */
    public static long operations(double perSecond, double seconds) {
        if (perSecond <= 0 || seconds <= 0) {
            return 0;
        }
        return (long) Math.floor(perSecond * seconds + 1e-9);
    }

    /** When operation {@code index} is due: evenly spaced from {@code startNanos}. */
    public static long dueNanos(long startNanos, double perSecond, long index) {
        return startNanos + Math.round(index * 1e9 / perSecond);
    }

    /**
     * Starts {@link #operations} operations, each when due, on {@code workers}; returns once the last
     * has been handed over (not answered: shut the workers down and await them for that).
     */
    public static Summary run(double perSecond, double seconds, ExecutorService workers, Operation operation)
            throws InterruptedException {
        long count = operations(perSecond, seconds);
        long start = System.nanoTime();
        AtomicLong maxDelay = new AtomicLong();
        for (long i = 0; i < count; i++) {
            long due = dueNanos(start, perSecond, i);
            sleepUntil(due);
            long delay = System.nanoTime() - due;
            if (delay > maxDelay.get()) {
                maxDelay.set(delay);
            }
            long index = i;
            workers.execute(() -> operation.run(index, due));
        }
        return new Summary(count, maxDelay.get() / 1e6);
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
