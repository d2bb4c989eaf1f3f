package org.mlc.ledger.api.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where every streaming processor stands, read from the token store: the truth shared by all
 * nodes (a node only knows the segments it has claimed itself). Each segment's token is stored
 * in the same transaction as what its handlers wrote, so a stored position is a handled one.
 */
@Component
public class ProcessorPositions {

    /** One segment of a processor: its token (null before the first event) and who holds it. */
    public record Segment(int segment, TrackingToken token, String owner) {

        /** The highest event index this segment has passed, or -1 before any. */
        public long position() {
            if (token == null) {
                return -1;
            }
            OptionalLong position = token.position();
            return position.isPresent() ? position.getAsLong() : -1;
        }

        /** Whether this segment has handled (or knows it needs not handle) the event at {@code index}. */
        public boolean covers(long index) {
            if (token == null || position() < index) {
                return false;
            }
            TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
            return !(lowerBound instanceof GapAwareTrackingToken gapAware) || !gapAware.getGaps().contains(index);
        }
    }

    /** Beyond this many events between a token and a point, the types are not looked at: it counts as behind. */
    static final long MAX_EVENTS_TO_INSPECT = 1_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public ProcessorPositions(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /**
     * Whether the processor has something to handle among the events after {@code fromExclusive}
     * up to {@code toInclusive}. A pooled processor stores its token after events it has no
     * handler for only when it next extends its claim (every few seconds), so its stored position
     * may stand a few events behind the head with nothing left to do: this tells the two apart.
     * Errs on the side of "yes" (unknown processor or type, or too many events to look at).
     */
    public boolean hasWorkBetween(String processorName, long fromExclusive, long toInclusive) {
        if (toInclusive <= fromExclusive) {
            return false;
        }
        if (toInclusive - fromExclusive > MAX_EVENTS_TO_INSPECT
                || !(processing.eventProcessors().get(processorName) instanceof AbstractEventProcessor processor)) {
            return true;
        }
        List<String> types = jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry "
                + "WHERE global_index > ? AND global_index <= ?", String.class, fromExclusive, toInclusive);
        for (String type : types) {
            try {
                if (processor.eventHandlerInvoker().canHandleType(Class.forName(type, false,
                        ProcessorPositions.class.getClassLoader()))) {
                    return true;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }
        return false;
    }

    /** The global index of the newest event in the store, or -1 when it is empty. */
    public long head() {
        return head(jdbc);
    }

    /** The same, for a caller without this bean (the operator tool, before the ledger's context starts). */
    public static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** Every processor's segments, by processor name. */
    public Map<String, List<Segment>> all() {
        Map<String, List<Segment>> byProcessor = new LinkedHashMap<>();
        jdbc.query("SELECT processor_name, segment, token, token_type, owner FROM token_entry "
                + "ORDER BY processor_name, segment", rs -> {
            byProcessor.computeIfAbsent(rs.getString("processor_name"), name -> new java.util.ArrayList<>())
                    .add(new Segment(rs.getInt("segment"), token(rs.getBytes("token"), rs.getString("token_type")),
                            rs.getString("owner")));
        });
        return byProcessor;
    }

    /** One processor's segments (empty if it has not started yet). */
    public List<Segment> of(String processorName) {
        return jdbc.query("SELECT segment, token, token_type, owner FROM token_entry WHERE processor_name = ? "
                        + "ORDER BY segment",
                (rs, i) -> new Segment(rs.getInt("segment"), token(rs.getBytes("token"), rs.getString("token_type")),
                        rs.getString("owner")), processorName);
    }

    /** Whether this node has claimed the whole of the processor's segments (each is 1/(mask+1) of it). */
    public static boolean ownsAllSegments(StreamingEventProcessor processor) {
        double owned = 0;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            owned += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return owned > 0.999;
    }

    /** The lowest position among the segments: every event up to it is handled by all of them. */
    public static long lowestPosition(List<Segment> segments) {
        return segments.stream().mapToLong(Segment::position).min().orElse(-1);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
