package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinatorWakeUpsTest {

    /**
     * The longest pause brought forward here: long enough that a pause of it cannot end on its own
     * while a test runs, however slow the machine (the application's is 100 ms).
     */
    private static final long PAUSE_MILLIS = 10_000;

    private final CoordinatorWakeUps.WakeableExecutor executor =
            new CoordinatorWakeUps.WakeableExecutor("test", PAUSE_MILLIS);

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void aWakeUpRunsTheCoordinatorsShortPauseNowAndOnlyOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> pause = executor.schedule(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(executor.pending()).isEqualTo(1);

        executor.wake();

        // the timer's run was cancelled before it started: the run that follows is the wake-up's
        assertThat(pause.isCancelled()).isTrue();
        assertThat(executor.pending()).isZero();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
        // nothing left to run it a second time
        assertThat(executor.getQueue()).isEmpty();
    }

    @Test
    void aLongerDelayIsNotBroughtForward() {
        AtomicInteger runs = new AtomicInteger();
        // the coordinator's back-off after a failure starts at a second
        ScheduledFuture<?> backOff = executor.schedule((Runnable) runs::incrementAndGet, 6 * PAUSE_MILLIS,
                TimeUnit.MILLISECONDS);

        executor.wake();

        assertThat(backOff.isCancelled()).isFalse();
        assertThat(backOff.isDone()).isFalse();
        assertThat(runs).hasValue(0);
        assertThat(executor.pending()).isZero();
    }

    @Test
    void aPauseThatEndsOnItsOwnIsForgotten() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> pause = executor.schedule(ran::countDown, 1, TimeUnit.MILLISECONDS);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        pause.get(5, TimeUnit.SECONDS);

        executor.wake();

        assertThat(pause.isCancelled()).isFalse();
        assertThat(executor.pending()).isZero();
    }

    @Test
    void aWakeUpWhileTheProcessorShutsDownRunsNothingAndFailsNothing() {
        // a batch can still commit while its processor stops: its wake-up must not fail the batch
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> pause = executor.schedule((Runnable) runs::incrementAndGet, PAUSE_MILLIS,
                TimeUnit.MILLISECONDS);
        executor.shutdown();

        assertThatCode(executor::wake).doesNotThrowAnyException();

        assertThat(pause.isCancelled()).isFalse();
    }
}
