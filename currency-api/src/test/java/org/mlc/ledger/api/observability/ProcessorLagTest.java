package org.mlc.ledger.api.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

class ProcessorLagTest {

    private final ProcessorPositions store = mock(ProcessorPositions.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private ProcessorLag lag() {
        when(processing.eventProcessors()).thenReturn(Map.of("ledger", mock(org.axonframework.eventhandling.EventProcessor.class)));
        when(jdbc.queryForObject(eq("SELECT count(*) FROM saga_entry"), eq(Long.class))).thenReturn(3L);
        return new ProcessorLag(store, jdbc, clock, meters, processing, 1_000, 60_000);
    }

    private void standing(long head, long ledgerPosition) {
        when(store.head()).thenReturn(head);
        when(store.hasWorkBetween("ledger", ledgerPosition, head)).thenReturn(head > ledgerPosition);
        when(store.all()).thenReturn(Map.of("ledger", List.of(
                new ProcessorPositions.Segment(0, new GlobalSequenceTrackingToken(ledgerPosition), "node-a"))));
    }

    @Test
    void aProcessorBeyondTheLagLimitIsDown() {
        ProcessorLag lag = lag();
        standing(5_000, 3_000);
        var health = lag.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("ledger")).isEqualTo(Map.of("lag", 2_000L, "stuck", false));
        assertThat(meters.get("mlc.processor.lag").tag("processor", "ledger").gauge().value()).isEqualTo(2_000.0);
        assertThat(meters.get("mlc.sagas.active").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void aProcessorThatDoesNotMoveWhileEventsWaitIsStuck() {
        ProcessorLag lag = lag();
        standing(105, 100);
        assertThat(lag.health().getStatus()).isEqualTo(Status.UP);
        now = now.plus(Duration.ofSeconds(61));
        assertThat(lag.health().getStatus()).isEqualTo(Status.DOWN);
        standing(106, 104);
        now = now.plus(Duration.ofSeconds(2));
        assertThat(lag.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aProcessorBehindOnlyByEventsItDoesNotHandleIsAtTheHead() {
        ProcessorLag lag = lag();
        standing(105, 100);
        when(store.hasWorkBetween("ledger", 100, 105)).thenReturn(false);
        now = now.plus(Duration.ofMinutes(10));
        var health = lag.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("ledger")).isEqualTo(Map.of("lag", 0L, "stuck", false));
    }

    @Test
    void anIdleProcessorAtTheHeadIsNotStuck() {
        ProcessorLag lag = lag();
        standing(100, 100);
        now = now.plus(Duration.ofMinutes(10));
        assertThat(lag.health().getStatus()).isEqualTo(Status.UP);
    }
}
