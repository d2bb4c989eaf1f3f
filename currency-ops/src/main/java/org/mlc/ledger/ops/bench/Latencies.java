package org.mlc.ledger.ops.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies of one kind of operation, recorded from many threads, and the errors by code. */
public final class Latencies {

    /** p50/p95/p99/max in milliseconds of the operations done; {@code errors} those that failed. */
    public record Summary(long done, long errors, Map<String, Long> errorsByCode, double p50Millis, double p95Millis,
                          double p99Millis, double maxMillis) {
    }

    private long[] nanos = new long[1024];
    private int count;
    private long errors;
    private final Map<String, Long> errorsByCode = new TreeMap<>();

    public synchronized void done(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = latencyNanos;
    }

    public synchronized void failed(String code) {
        errors++;
        errorsByCode.merge(code, 1L, Long::sum);
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, errors, new TreeMap<>(errorsByCode), LoadRun.percentile(sorted, 50),
                LoadRun.percentile(sorted, 95), LoadRun.percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }
}
