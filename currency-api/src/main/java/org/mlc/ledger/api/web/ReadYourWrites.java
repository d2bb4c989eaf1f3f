package org.mlc.ledger.api.web;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Once a POST has answered, a GET by the same client shows its effect: before answering, wait
 * until the streaming processors have handled the events the request appended. If they lag
 * beyond the limit the answer goes out anyway (the change is stored; only the views lag).
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final long timeoutMillis;

    public ReadYourWrites(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                          @Value("${mlc.read-your-writes.timeout-millis}") long timeoutMillis) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.timeoutMillis = timeoutMillis;
    }

    /** Global index of the last event of an aggregate, or -1 if it has none. */
    public long lastIndexOf(String aggregateId) {
        List<Long> found = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", Long.class, aggregateId);
        return found.isEmpty() ? -1 : found.get(0);
    }

    /** Waits until every streaming processor has handled the last event of these aggregates. */
    public boolean awaitAll(String... aggregateIds) {
        long index = -1;
        for (String id : aggregateIds) {
            index = Math.max(index, lastIndexOf(id));
        }
        boolean caughtUp = true;
        for (String name : processing.eventProcessors().keySet()) {
            caughtUp &= await(name, index);
        }
        return caughtUp;
    }

    /** Waits until every streaming processor has handled the event at {@code index} (e.g. the store's head). */
    public boolean awaitIndex(long index) {
        boolean caughtUp = true;
        for (String name : processing.eventProcessors().keySet()) {
            caughtUp &= await(name, index);
        }
        return caughtUp;
    }

    /**
     * Waits until the projections (every streaming processor but {@code exceptGroup}, a saga's,
     * whose state no GET shows) have handled the last event of these aggregates.
     */
    public boolean awaitViews(String exceptGroup, String... aggregateIds) {
        long index = -1;
        for (String id : aggregateIds) {
            index = Math.max(index, lastIndexOf(id));
        }
        boolean caughtUp = true;
        for (String name : processing.eventProcessors().keySet()) {
            if (!name.equals(exceptGroup)) {
                caughtUp &= await(name, index);
            }
        }
        return caughtUp;
    }

    /** Whether every streaming processor has handled the event at {@code index} already (no wait). */
    public boolean caughtUp(long index) {
        if (index < 0) {
            return true;
        }
        for (Object processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && !covers(streaming, index)) {
                return false;
            }
        }
        return true;
    }

    /** Waits until one processor has handled the event at {@code index}; false on timeout. */
    public boolean await(String processorName, long index) {
        if (index < 0) {
            return true;
        }
        Map<String, ?> processors = processing.eventProcessors();
        if (!(processors.get(processorName) instanceof StreamingEventProcessor processor)) {
            return true;
        }
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!covers(processor, index)) {
            if (System.nanoTime() > deadline) {
                log.warn("processor {} has not reached event {} after {} ms", processorName, index, timeoutMillis);
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        if (log.isDebugEnabled()) {
            log.debug("processor {} reached event {} after {} µs", processorName, index,
                    TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started));
        }
        return true;
    }

    private static boolean covers(StreamingEventProcessor processor, long index) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (!covers(segment.getTrackingToken(), index)) {
                return false;
            }
        }
        return true;
    }

    static boolean covers(TrackingToken token, long index) {
        if (token == null) {
            return false;
        }
        OptionalLong position = token.position();
        if (position.isEmpty() || position.getAsLong() < index) {
            return false;
        }
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        return !(lowerBound instanceof GapAwareTrackingToken gapAware) || !gapAware.getGaps().contains(index);
    }
}
