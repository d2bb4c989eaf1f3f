package org.mlc.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static long millis(long m) {
        return TimeUnit.MILLISECONDS.toNanos(m);
    }

    @Test
    void theOperationsDueInAWindowAreSummedUpApartFromTheOthers() {
        Latencies latencies = new Latencies();
        // due at 1..100 s: those due from 40 to 60 s took 500 ms, the others 5 ms
        for (long second = 1; second <= 100; second++) {
            boolean slow = second >= 40 && second <= 60;
            latencies.done(TimeUnit.SECONDS.toNanos(second), millis(slow ? 500 : 5));
        }
        latencies.failed("503");

        Latencies.Summary all = latencies.summary();
        Latencies.Summary window = latencies.summaryOfDue(due -> due >= TimeUnit.SECONDS.toNanos(40)
                && due <= TimeUnit.SECONDS.toNanos(60));
        Latencies.Summary outside = latencies.summaryOfDue(due -> due < TimeUnit.SECONDS.toNanos(40)
                || due > TimeUnit.SECONDS.toNanos(60));

        assertThat(all.done()).isEqualTo(100);
        assertThat(all.errors()).isEqualTo(1);
        assertThat(all.p99Millis()).isEqualTo(500.0);
        assertThat(window.done()).isEqualTo(21);
        assertThat(window.p50Millis()).isEqualTo(500.0);
        assertThat(outside.done()).isEqualTo(79);
        assertThat(outside.p99Millis()).isEqualTo(5.0);
        assertThat(outside.maxMillis()).isEqualTo(5.0);
        assertThat(outside.errors()).isZero();
    }
}
