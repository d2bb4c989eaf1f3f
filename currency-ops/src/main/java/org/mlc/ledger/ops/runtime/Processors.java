package org.mlc.ledger.ops.runtime;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.springframework.jdbc.core.JdbcTemplate;

/** The streaming processors of a {@link LedgerRuntime}: reset them, and wait for them with a progress bar. */
public final class Processors {

    /** Width of the progress bar, in characters. */
    public static final int BAR_WIDTH = 30;
    private static final long POLL_MILLIS = 200;
    private static final long PRINT_EVERY_MILLIS = 1_000;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public Processors(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    public StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor named " + name));
    }

    /** Stops the processor, resets its tokens (its @ResetHandlers empty its tables) and starts it again. */
    public void reset(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
    }

    /** Waits until these processors have handled every event in the store, printing progress to {@code err}. */
    public void awaitCaughtUp(Collection<String> names, String what, PrintWriter err, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long lastPrint = 0;
        while (true) {
            // read again each time: the saga appends events (credits) while the others catch up
            long head = ProcessorPositions.head(jdbc);
            long position = Long.MAX_VALUE;
            boolean done = true;
            for (String name : names) {
                long p = position(processor(name));
                position = Math.min(position, p);
                // not "replaying": Axon ends a replay only when an event after the reset point arrives
                done &= p >= head;
            }
            // and nothing appended meanwhile: the saga's token and the events it caused commit together
            done &= ProcessorPositions.head(jdbc) == head;
            long now = System.nanoTime();
            if (done || now - lastPrint > TimeUnit.MILLISECONDS.toNanos(PRINT_EVERY_MILLIS)) {
                bar(err, what, Math.max(0, position + 1), head + 1, now - started);
                lastPrint = now;
            }
            if (done) {
                err.println();
                err.flush();
                return;
            }
            if (now > deadline) {
                err.println();
                throw new IllegalStateException(what + ": processors " + names + " did not reach event " + head
                        + " within " + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
    }

    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1; // no segment claimed yet
        }
        long position = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            position = Math.min(position, segment.getCurrentPosition().orElse(-1));
        }
        return position;
    }

    private static void bar(PrintWriter err, String what, long done, long total, long elapsedNanos) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent * BAR_WIDTH / 100;
        err.printf(Locale.ROOT, "\r  %-12s [%s%s] %3d%% %,d / %,d events, %.1f s", what, "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), percent, Math.min(done, Math.max(total, 0)), Math.max(total, 0),
                elapsedNanos / 1e9);
        err.flush();
    }
}
