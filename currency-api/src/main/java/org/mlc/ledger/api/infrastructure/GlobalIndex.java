package org.mlc.ledger.api.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global index of an event in the store. Not the tracking token's position: when concurrent
 * appends commit out of order, the event that fills a gap arrives with a token positioned at the
 * highest index seen, so live processing and a replay would record different indexes.
 * <p>
 * The event store's reader remembers the index of each row it reads ({@link #remember}, called by
 * {@link IndexRecordingEventStorageEngine}), so a projection handling an event just read finds it
 * here instead of asking the database once per event; anything not remembered (evicted, or read
 * by another path) is still looked up in the store.
 */
@Component
public class GlobalIndex {

    /** Events whose index is remembered: several processors' batches behind the head, and replays. */
    public static final long MAX_REMEMBERED_EVENTS = 200_000;

    private final JdbcTemplate jdbc;
    private final Cache<String, Long> recent = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED_EVENTS).build();

    public GlobalIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(EventMessage<?> event) {
        Long remembered = recent.getIfPresent(event.getIdentifier());
        if (remembered != null) {
            return remembered;
        }
        Long index = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, event.getIdentifier());
        if (index == null) {
            throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
        }
        return index;
    }

    /** Called with each row the event store reads: its identifier and its global index, as stored. */
    public void remember(String eventIdentifier, long globalIndex) {
        recent.put(eventIdentifier, globalIndex);
    }
}
