package org.mlc.ledger.api.infrastructure;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global index of an event in the store. Not the tracking token's position: when concurrent
 * appends commit out of order, the event that fills a gap arrives with a token positioned at the
 * highest index seen, so live processing and a replay would record different indexes.
 */
@Component
public class GlobalIndex {

    private final JdbcTemplate jdbc;

    public GlobalIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(EventMessage<?> event) {
        Long index = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, event.getIdentifier());
        if (index == null) {
            throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
        }
        return index;
    }
}
