package org.mlc.ledger.api.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each streaming processor is behind the head of the event store, in events, for all
 * nodes together (read from the token store; 0 when none of the events since its token is of a
 * type it handles): {@code mlc.processor.lag{processor=...}} for
 * Prometheus, and the {@code processors} health indicator, DOWN when a processor lags beyond
 * {@code mlc.processors.max-lag-events} or has not moved for {@code mlc.processors.stuck-after-millis}
 * while events wait. Also the sagas in progress ({@code mlc.sagas.active}) and the head itself.
 * One reading of the database serves every gauge for a second.
 */
@Component("processors")
public class ProcessorLag implements HealthIndicator {

    /** A reading is reused for this long, so a scrape of many gauges reads the database once. */
    static final Duration READING_TTL = Duration.ofSeconds(1);

    /** One reading: the head, each processor's lowest position, the sagas in progress. */
    record Reading(Instant at, long head, Map<String, Long> positions, long activeSagas) {

        long lag(String processor) {
            Long position = positions.get(processor);
            return head - (position == null ? -1 : position);
        }
    }

    /** Since when a processor has stood at one position. */
    private record Standing(long position, Instant since) {
    }

    private final ProcessorPositions store;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long maxLagEvents;
    private final Duration stuckAfter;
    private final Map<String, Standing> standing = new ConcurrentHashMap<>();
    private volatile Reading last;

    public ProcessorLag(ProcessorPositions store, JdbcTemplate jdbc, Clock clock, MeterRegistry meters,
                        EventProcessingConfiguration processing,
                        @Value("${mlc.processors.max-lag-events:10000}") long maxLagEvents,
                        @Value("${mlc.processors.stuck-after-millis:60000}") long stuckAfterMillis) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxLagEvents = maxLagEvents;
        this.stuckAfter = Duration.ofMillis(stuckAfterMillis);
        for (String processor : processing.eventProcessors().keySet()) {
            Gauge.builder("mlc.processor.lag", this, lag -> lag.reading().lag(processor))
                    .tag("processor", processor)
                    .description("events in the store this processor has not handled yet (all nodes)")
                    .baseUnit("events")
                    .register(meters);
        }
        Gauge.builder("mlc.events.head", this, lag -> lag.reading().head())
                .description("global index of the newest event in the store")
                .register(meters);
        Gauge.builder("mlc.sagas.active", this, lag -> lag.reading().activeSagas())
                .description("sagas in progress (transfers in transit)")
                .register(meters);
    }

    /** A recent reading (at most {@link #READING_TTL} old). */
    synchronized Reading reading() {
        Instant now = clock.instant();
        Reading reading = last;
        if (reading == null || reading.at().plus(READING_TTL).isBefore(now)) {
            Map<String, Long> positions = new LinkedHashMap<>();
            long head = store.head();
            store.all().forEach((name, segments) -> {
                long position = ProcessorPositions.lowestPosition(segments);
                // nothing of its own to handle up to the head: it is there (its token is stored lazily)
                positions.put(name, store.hasWorkBetween(name, position, head) ? position : head);
            });
            Long sagas = jdbc.queryForObject("SELECT count(*) FROM saga_entry", Long.class);
            reading = new Reading(now, head, positions, sagas == null ? 0 : sagas);
            last = reading;
            positions.forEach((name, position) -> standing.compute(name, (n, before) ->
                    before != null && before.position() == position ? before : new Standing(position, now)));
        }
        return reading;
    }

    @Override
    public Health health() {
        Reading reading = reading();
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (String processor : reading.positions().keySet()) {
            long lag = reading.lag(processor);
            Standing still = standing.get(processor);
            boolean stuck = lag > 0 && still != null
                    && Duration.between(still.since(), reading.at()).compareTo(stuckAfter) > 0;
            details.put(processor, Map.of("lag", lag, "stuck", stuck));
            if (lag > maxLagEvents) {
                problems.add(processor + " lags " + lag + " events (limit " + maxLagEvents + ")");
            } else if (stuck) {
                problems.add(processor + " has not moved for over " + stuckAfter.toSeconds() + " s with " + lag
                        + " events waiting");
            }
        }
        details.put("head", reading.head());
        if (!problems.isEmpty()) {
            details.put("problems", problems);
            return Health.down().withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
