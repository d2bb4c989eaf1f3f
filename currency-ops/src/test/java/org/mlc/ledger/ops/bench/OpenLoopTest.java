package org.mlc.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hosted-day's open-loop schedule and its latency figures, without a ledger (well under a second). */
class OpenLoopTest {

    @Test
    void operationsAreDueEvenlyAtTheRateWhateverTheirAnswers() {
        assertThat(OpenLoop.operations(100, 120)).isEqualTo(12_000);
        assertThat(OpenLoop.operations(3, 0.5)).isEqualTo(1);
        assertThat(OpenLoop.operations(0.1, 1)).isZero();
        assertThat(OpenLoop.operations(0, 10)).isZero();
        assertThat(OpenLoop.dueNanos(1_000, 100, 0)).isEqualTo(1_000);
        assertThat(OpenLoop.dueNanos(1_000, 100, 1)).isEqualTo(1_000 + 10_000_000);
        assertThat(OpenLoop.dueNanos(0, 100, 12_000)).isEqualTo(120_000_000_000L);
        assertThat(OpenLoop.dueNanos(0, 3, 1)).isEqualTo(333_333_333L);
    }

    @Test
    void aSlowAnswerDoesNotDelayTheNextStartAndEachIsHandedItsDueTime() throws Exception {
        Map<Long, Long> started = new ConcurrentHashMap<>();
        Map<Long, Long> due = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        long before = System.nanoTime();
        OpenLoop.Summary summary = OpenLoop.run(100, 0.1, workers, (index, dueNanos) -> {
            started.put(index, System.nanoTime());
            due.put(index, dueNanos);
            if (index == 0) {
                try {
                    TimeUnit.MILLISECONDS.sleep(60); // a slow answer: the next ones start anyway
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        workers.shutdown();
        assertThat(workers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(summary.scheduled()).isEqualTo(10);
        assertThat(started).hasSize(10);
        assertThat(due.get(0L)).isGreaterThanOrEqualTo(before);
        for (long i = 1; i < 10; i++) {
            assertThat(due.get(i) - due.get(i - 1)).isBetween(9_000_000L, 11_000_000L);
            assertThat(started.get(i)).isGreaterThanOrEqualTo(due.get(i));
        }
        // operation 1 did not wait for operation 0's 60 ms
        assertThat(started.get(1L) - started.get(0L)).isLessThan(50_000_000L);
        assertThat(summary.maxDispatchDelayMillis()).isNotNegative();
    }

    @Test
    void latenciesGiveTheirPercentilesAndTheErrorsByCode() throws Exception {
        Latencies latencies = new Latencies();
        List<Thread> threads = List.of(new Thread(() -> {
            for (int i = 1; i <= 1_000; i += 2) {
                latencies.done(i * 1_000_000L);
            }
        }), new Thread(() -> {
            for (int i = 2; i <= 1_000; i += 2) {
                latencies.done(i * 1_000_000L);
            }
        }));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        latencies.failed("503 unavailable");
        latencies.failed("503 unavailable");
        latencies.failed("HttpTimeoutException");

        Latencies.Summary summary = latencies.summary();
        assertThat(summary.done()).isEqualTo(1_000);
        assertThat(summary.p50Millis()).isEqualTo(500.0);
        assertThat(summary.p95Millis()).isEqualTo(950.0);
        assertThat(summary.p99Millis()).isEqualTo(990.0);
        assertThat(summary.maxMillis()).isEqualTo(1_000.0);
        assertThat(summary.errors()).isEqualTo(3);
        assertThat(summary.errorsByCode()).containsExactly(Map.entry("503 unavailable", 2L),
                Map.entry("HttpTimeoutException", 1L));
        assertThat(new Latencies().summary().p99Millis()).isZero();
    }
}
