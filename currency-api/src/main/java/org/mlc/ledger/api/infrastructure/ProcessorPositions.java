package org.mlc.ledger.api.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
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

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessorPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The global index of the newest event in the store, or -1 when it is empty. */
    public long head() {
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
