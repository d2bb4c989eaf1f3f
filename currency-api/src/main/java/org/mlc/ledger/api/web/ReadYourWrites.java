package org.mlc.ledger.api.web;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mlc.ledger.common.DomainException;
import org.springframework.http.HttpStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import org.mlc.ledger.api.infrastructure.AxonConfiguration;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.mlc.ledger.api.infrastructure.ProcessorProgress;
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
    /** How often the token store is read when another node holds some of a processor's segments. */
    private static final long SHARED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ProcessorProgress progress;
    private final JdbcTemplate jdbc;
    private final long timeoutMillis;

    public ReadYourWrites(EventProcessingConfiguration processing, JdbcTemplate jdbc, ProcessorPositions positions,
                          ProcessorProgress progress,
                          @Value("${mlc.read-your-writes.timeout-millis}") long timeoutMillis) {
        this.processing = processing;
        this.positions = positions;
        this.progress = progress;
        this.jdbc = jdbc;
        this.timeoutMillis = timeoutMillis;
    }

    /** Global index of the last event of an aggregate, or -1 if it has none. */
    public long lastIndexOf(String aggregateId) {
        List<Long> found = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", Long.class, aggregateId);
        return found.isEmpty() ? -1 : found.get(0);
    }

    /**
     * Waits until the views (every processor but the transfer saga's, whose state no request
     * shows) have handled the last event of these aggregates. The saga is left out: it has no
     * view, and its processor stores its position lazily on another node, where waiting for it
     * cost a POST the whole timeout.
     */
    public boolean awaitAll(String... aggregateIds) {
        return awaitViews(AxonConfiguration.TRANSFER_SAGA_GROUP, aggregateIds);
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

    /**
     * Waits until the views show every change committed before this call, whichever node or client
     * made it: each view processor (not the saga's) has passed the store's newest event, and none
     * of the events it passed over as not yet committed (its gaps) has been committed since. This
     * is what a read needs to show its caller's own earlier writes without knowing them, on any
     * node; a write whose answer is built from its command need not wait for the views at all.
     */
    public boolean awaitCommitted() {
        long head = positions.head();
        if (head < 0) {
            return true;
        }
        boolean caughtUp = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!entry.getKey().equals(AxonConfiguration.TRANSFER_SAGA_GROUP)
                    && entry.getValue() instanceof StreamingEventProcessor processor) {
                caughtUp &= awaitCommitted(entry.getKey(), processor, head);
            }
        }
        return caughtUp;
    }

    /**
     * For a handler that does not wait for the views ({@link ViewsMayLag}): runs a lookup of what
     * the views hold, and if it finds nothing (404: a participant or an account registered a moment
     * ago, that the views do not show yet) waits for the views to show every committed change and
     * runs it once more. What is found never changes once it exists, so a hit needs no wait.
     */
    public <T> T orOnceCaughtUp(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (ApiException e) {
            if (e.status() != HttpStatus.NOT_FOUND) {
                throw e;
            }
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        awaitCommitted();
        return lookup.get();
    }

    private boolean awaitCommitted(String processorName, StreamingEventProcessor processor, long head) {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long nextSharedCheck = started;
        while (true) {
            long seen = progress.version();
            if (covers(processor, head) && !anyCommitted(gapsUpTo(localTokens(processor), head))) {
                return true;
            }
            if (!ProcessorPositions.ownsAllSegments(processor) && System.nanoTime() >= nextSharedCheck) {
                List<ProcessorPositions.Segment> segments = positions.of(processorName);
                if (coveredBy(processorName, segments, head) && !anyCommitted(gapsUpTo(
                        segments.stream().map(ProcessorPositions.Segment::token).toList(), head))) {
                    return true;
                }
                nextSharedCheck = System.nanoTime() + SHARED_POLL_NANOS;
            }
            if (inError(processor)) {
                log.warn("processor {} is failing: a read does not wait for it", processorName);
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("processor {} has not reached event {} after {} ms", processorName, head, timeoutMillis);
                return false;
            }
            progress.awaitAfter(seen, left);
        }
    }

    private static List<TrackingToken> localTokens(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getTrackingToken).toList();
    }

    /** The events below {@code head} these tokens passed over because they were not committed yet. */
    private static List<Long> gapsUpTo(Collection<TrackingToken> tokens, long head) {
        List<Long> gaps = new ArrayList<>();
        for (TrackingToken token : tokens) {
            if (WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware) {
                for (Long gap : gapAware.getGaps()) {
                    if (gap <= head) {
                        gaps.add(gap);
                    }
                }
            }
        }
        return gaps;
    }

    /**
     * Whether any of these indexes is an event now: most gaps are appends that rolled back (a
     * conflict retried) and stay empty; one that is filled is a change the processor has yet to see.
     */
    private boolean anyCommitted(List<Long> indexes) {
        if (indexes.isEmpty()) {
            return false;
        }
        Boolean any = jdbc.execute((java.sql.Connection connection) -> {
            Array array = connection.createArrayOf("bigint", indexes.toArray());
            try (var statement = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = ANY(?))")) {
                statement.setArray(1, array);
                try (var result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            } finally {
                array.free();
            }
        });
        return Boolean.TRUE.equals(any);
    }

    private static boolean inError(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
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
        long nextSharedCheck = started;
        while (true) {
            long seen = progress.version();
            if (covers(processor, index)) {
                break;
            }
            // Another node holds some segments: their positions are in the token store.
            if (!ProcessorPositions.ownsAllSegments(processor) && System.nanoTime() >= nextSharedCheck) {
                if (coveredInTokenStore(processorName, index)) {
                    return true;
                }
                nextSharedCheck = System.nanoTime() + SHARED_POLL_NANOS;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("processor {} has not reached event {} after {} ms", processorName, index, timeoutMillis);
                return false;
            }
            progress.awaitAfter(seen, left);
        }
        if (log.isDebugEnabled()) {
            log.debug("processor {} reached event {} after {} µs", processorName, index,
                    TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started));
        }
        return true;
    }

    private boolean coveredInTokenStore(String processorName, long index) {
        return coveredBy(processorName, positions.of(processorName), index);
    }

    private boolean coveredBy(String processorName, List<ProcessorPositions.Segment> segments, long index) {
        // a segment whose stored token stands before the event only because the events since
        // are none of its business (its token is stored lazily then) has nothing left to do
        return !segments.isEmpty() && segments.stream().allMatch(segment -> segment.covers(index)
                || (segment.token() != null && !positions.hasWorkBetween(processorName, segment.position(), index)));
    }

    private static boolean covers(StreamingEventProcessor processor, long index) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        // with part of the segments, this node cannot tell: the others may lag behind
        if (status.isEmpty() || !ProcessorPositions.ownsAllSegments(processor)) {
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
