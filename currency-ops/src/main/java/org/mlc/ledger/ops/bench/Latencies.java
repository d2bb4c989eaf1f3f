package org.mlc.ledger.ops.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/** Latencies of one kind of operation, recorded from many threads, and the errors by code. */
public final class Latencies {

    /** p50/p95/p99/max in milliseconds of the operations done; {@code errors} those that failed. */
    public record Summary(long done, long errors, Map<String, Long> errorsByCode, double p50Millis, double p95Millis,
                          double p99Millis, double maxMillis) {
    }

    private long[] nanos = new long[1024];
    /** When each operation was due (System.nanoTime), where it was given; 0 otherwise. */
    private long[] dueNanos = new long[1024];
    private int count;
    private long errors;
    private final Map<String, Long> errorsByCode = new TreeMap<>();

    public synchronized void done(long latencyNanos) {
        done(0, latencyNanos);
    }

    /** An operation due at {@code due} (System.nanoTime) that took {@code latencyNanos}, counted from then. */
    public synchronized void done(long due, long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
            dueNanos = Arrays.copyOf(dueNanos, dueNanos.length * 2);
        }
        dueNanos[count] = due;
        nanos[count++] = latencyNanos;
    }

    public synchronized void failed(String code) {
        errors++;
        errorsByCode.merge(code, 1L, Long::sum);
    }

    public synchronized Summary summary() {
        return summary(Arrays.copyOf(nanos, count), errors, errorsByCode);
    }

    /** The operations done that were due when {@code due} holds (errors not counted: they have no time). */
    public synchronized Summary summaryOfDue(LongPredicate due) {
        long[] chosen = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (due.test(dueNanos[i])) {
                chosen[n++] = nanos[i];
            }
        }
        return summary(Arrays.copyOf(chosen, n), 0, Map.of());
    }

    /**
     * Each operation done as {@code [due, latency]} in nanoseconds, in the order they ended (the
     * day's timeline, for a look at when the slow ones were due).
     */
    public synchronized long[][] timeline() {
        long[][] rows = new long[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = new long[]{dueNanos[i], nanos[i]};
        }
        return rows;
    }

    private static Summary summary(long[] sorted, long errors, Map<String, Long> errorsByCode) {
        Arrays.sort(sorted);
        return new Summary(sorted.length, errors, new TreeMap<>(errorsByCode), LoadRun.percentile(sorted, 50),
                LoadRun.percentile(sorted, 95), LoadRun.percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }
}
