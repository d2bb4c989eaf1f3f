package org.mlc.ledger.api.counter;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.counter.CounterDefined;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Exchange counters, for reading. */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class CounterProjection {

    private final JdbcTemplate jdbc;

    public CounterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CounterDefined event) {
        jdbc.update("INSERT INTO counter_view (counter_id, name, currency, host, defined_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (counter_id) DO NOTHING",
                event.counterId().value(), event.name(), event.currency().value(), event.host(),
                Timestamp.from(event.definedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE counter_view");
    }
}
