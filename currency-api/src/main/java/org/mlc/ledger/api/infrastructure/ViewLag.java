package org.mlc.ledger.api.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far behind the views are, in time: the age of the oldest event a running view processor
 * (every processor but the transfer saga's, whose state no request shows) has yet to handle,
 * counted from when the event could first be read: the later of its time stamp and the first
 * reading of this node that found the store's head at or past it. An event is stamped when it is
 * created, which in a long unit of work (a bulk chunk, a group commit's batch that waited for a
 * lock) is well before it is committed: counted from its stamp, a batch held 500 ms showed as
 * 500 ms of lag the moment it committed, and held every writer of every currency back. In
 * time rather than in events because what people feel is how long a read waits for the views to
 * show a change, and a processor's speed in events per second varies with what the events book.
 * <p>
 * Writers ask before each write ({@code web/WriteBackpressure}, the bulk jobs before each chunk), so a
 * reading is shared for {@link #READING_TTL_NANOS}: many writers asking at once read the database once.
 * While one of them reads it, the others take the last reading instead of queuing behind it: under
 * load they queued there 29 ms each on average (JFR, 16 clients paying), in the path of every write.
 * A reading older than {@link #MAX_SHARED_READING_AGE_NANOS} is not taken: that reading is then slow
 * (the database going down holds it for the pool's connection timeout), and the others wait for it
 * as they always did, so that a failure is told as the database's (503 database-unavailable), not
 * as views behind from a reading made before it. A failed reading is shared too, for
 * {@link #FAILED_READING_TTL_NANOS}.
 * A processor that is not running or is failing is left out: a broken projection is the operator's
 * (the health indicator turns DOWN), and holding every write back for it would not mend it.
 */
@Component
public class ViewLag {

    /** A reading is reused this long by every writer asking. */
    static final long READING_TTL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /**
     * Event time stamps are the system's clock (Axon stamps each event when it is created), not the
     * application's clock, which a test may hold still: the age is measured on the same clock.
     */
    private static final Clock EVENT_CLOCK = Clock.systemUTC();

    /** Changes of the store's head kept, each with when this node first saw it (about 80 s of busy readings). */
    static final int MAX_HEAD_SAMPLES = 4_096;

    /**
     * How old the last reading may be for a caller to take it while another reads the database,
     * rather than wait for that reading: under load a reading takes milliseconds; the backpressure's
     * limit is 500 ms.
     */
    static final long MAX_SHARED_READING_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /**
     * A failed reading is shared this long: while the database is down a reading takes the pool's
     * connection timeout, and the writers queued behind it are told at once rather than each
     * waiting that long again in turn.
     */
    static final long FAILED_READING_TTL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A reading of the database: how far behind the views were, or why it could not be read. */
    private record Reading(long atNanos, long behindMillis, RuntimeException failure) {

        boolean freshAt(long nanos) {
            return nanos - atNanos <= (failure == null ? READING_TTL_NANOS : FAILED_READING_TTL_NANOS);
        }

        long behindMillisOrThrow() {
            if (failure != null) {
                // the cause tells a database that cannot serve from a bug (web/DatabaseFailures)
                throw new IllegalStateException("the views' lag could not be read", failure);
            }
            return behindMillis;
        }
    }

    /** Held by the one caller reading the database; {@link #heads} is read and written under it. */
    private final ReentrantLock reader = new ReentrantLock();

    /** {time first seen in millis, head}, oldest first; the heads only grow. */
    private final ArrayDeque<long[]> heads = new ArrayDeque<>();

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ProcessorProgress progress;
    private final JdbcTemplate jdbc;
    private volatile Reading last = new Reading(System.nanoTime() - MAX_SHARED_READING_AGE_NANOS - 1, 0, null);

    public ViewLag(EventProcessingConfiguration processing, ProcessorPositions positions, ProcessorProgress progress,
                   JdbcTemplate jdbc) {
        this.processing = processing;
        this.positions = positions;
        this.progress = progress;
        this.jdbc = jdbc;
    }

    /** How many milliseconds behind the slowest running view processor is (0: it has handled every event). */
    public long behindMillis() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading.freshAt(now)) {
            return reading.behindMillisOrThrow();
        }
        if (!reader.tryLock()) {
            if (now - reading.atNanos() <= MAX_SHARED_READING_AGE_NANOS) {
                return reading.behindMillisOrThrow();
            }
            reader.lock();
        }
        try {
            reading = last;
            if (!reading.freshAt(System.nanoTime())) {
                try {
                    reading = new Reading(System.nanoTime(), read(), null);
                } catch (RuntimeException e) {
                    last = new Reading(System.nanoTime(), 0, e);
                    throw e;
                }
                last = reading;
            }
            return reading.behindMillisOrThrow();
        } finally {
            reader.unlock();
        }
    }

    /**
     * Waits until the views are at most {@code maxBehindMillis} behind, or {@code maxWaitMillis}
     * have passed; whether they are within the limit. Wakes when a processor commits a batch.
     */
    public boolean awaitWithin(long maxBehindMillis, long maxWaitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        while (true) {
            long seen = progress.version();
            if (behindMillis() <= maxBehindMillis) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            progress.awaitAfter(seen, left);
        }
    }

    /** Whether a caller is reading the database now (for tests). */
    boolean readingNow() {
        return reader.isLocked();
    }

    private long read() {
        long head = positions.head();
        long nowMillis = EVENT_CLOCK.millis();
        remember(nowMillis, head);
        long oldestUnhandled = Long.MAX_VALUE;
        for (Map.Entry<String, ?> entry : processing.eventProcessors().entrySet()) {
            if (entry.getKey().equals(AxonConfiguration.TRANSFER_SAGA_GROUP)
                    || !(entry.getValue() instanceof StreamingEventProcessor processor)
                    || !processor.isRunning() || processor.isError()) {
                continue;
            }
            long position = position(entry.getKey(), processor);
            // a pooled processor's position may stand before events it has no handler for
            if (position < head && positions.hasWorkBetween(entry.getKey(), position, head)) {
                oldestUnhandled = Math.min(oldestUnhandled, position + 1);
            }
        }
        if (oldestUnhandled == Long.MAX_VALUE) {
            return 0;
        }
        List<String> stamps = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index >= ? "
                + "ORDER BY global_index LIMIT 1", String.class, oldestUnhandled);
        if (stamps.isEmpty()) {
            return 0;
        }
        long sinceStampMillis;
        try {
            sinceStampMillis = nowMillis - Instant.parse(stamps.get(0)).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
        return Math.max(0, Math.min(sinceStampMillis, nowMillis - firstSeenMillis(oldestUnhandled, nowMillis)));
    }

    private void remember(long atMillis, long head) {
        long[] newest = heads.peekLast();
        if (newest == null || newest[1] < head) {
            heads.addLast(new long[]{atMillis, head});
        }
        while (heads.size() > MAX_HEAD_SAMPLES) {
            heads.removeFirst();
        }
    }

    /** When this node first saw the store's head at or past this index (now, if this reading is the first). */
    private long firstSeenMillis(long index, long nowMillis) {
        long seen = nowMillis;
        for (Iterator<long[]> newestFirst = heads.descendingIterator(); newestFirst.hasNext(); ) {
            long[] sample = newestFirst.next();
            if (sample[1] < index) {
                break;
            }
            seen = sample[0];
        }
        return seen;
    }

    /** The processor's lowest position: this node's own view when it holds every segment, else the token store's. */
    private long position(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (!status.isEmpty() && ProcessorPositions.ownsAllSegments(processor)) {
            long lowest = Long.MAX_VALUE;
            for (EventTrackerStatus segment : status.values()) {
                OptionalLong at = segment.getTrackingToken() == null ? OptionalLong.empty()
                        : segment.getTrackingToken().position();
                lowest = Math.min(lowest, at.orElse(-1));
            }
            return lowest;
        }
        return ProcessorPositions.lowestPosition(positions.of(name));
    }
}
