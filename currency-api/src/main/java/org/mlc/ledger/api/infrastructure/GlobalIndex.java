package org.mlc.ledger.api.infrastructure;

import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
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
 * <p>
 * The last {@link #MAX_REMEMBERED_EVENTS} rows read are kept, oldest out first. Not a Caffeine
 * cache: its admission policy keeps an entry only if it is asked for more often than the one it
 * would replace, and every event here is written once and read about once per processor, so once
 * the cache was full a new index was mostly dropped before its projection asked for it (a `ledger`
 * replay of 300,000 events still sent thousands of queries).
 */
@Component
public class GlobalIndex {

    /** Events whose index is remembered: several processors' batches behind the head, and replays. */
    public static final int MAX_REMEMBERED_EVENTS = 200_000;

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<String, Remembered> recent = new ConcurrentHashMap<>();
    /** The rows remembered, in the order they were read: a ring, {@code next} its oldest slot. */
    private final Remembered[] order;
    private int next;

    /**
     * One row read. A class, not a record: equal by identity, so that removing an old reading of
     * an event leaves a later reading of the same event (another processor's stream) in the map.
     */
    private static final class Remembered {
        final String eventIdentifier;
        final long globalIndex;

        Remembered(String eventIdentifier, long globalIndex) {
            this.eventIdentifier = eventIdentifier;
            this.globalIndex = globalIndex;
        }
    }

    @Autowired
    public GlobalIndex(JdbcTemplate jdbc) {
        this(jdbc, MAX_REMEMBERED_EVENTS);
    }

    GlobalIndex(JdbcTemplate jdbc, int maxRememberedEvents) {
        this.jdbc = jdbc;
        this.order = new Remembered[maxRememberedEvents];
    }

    public long of(EventMessage<?> event) {
        Remembered remembered = recent.get(event.getIdentifier());
        if (remembered != null) {
            return remembered.globalIndex;
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
        Remembered reading = new Remembered(eventIdentifier, globalIndex);
        synchronized (order) {
            Remembered oldest = order[next];
            if (oldest != null) {
                recent.remove(oldest.eventIdentifier, oldest);
            }
            order[next] = reading;
            next = (next + 1) % order.length;
            recent.put(eventIdentifier, reading);
        }
    }
}
