package org.mlc.ledger.api.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Platform;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ViewsMayLag;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.mlc.ledger.api.infrastructure.ViewLag;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How far behind the event store each streaming processor (projection or saga) is. */
// it shows how far behind the views are: waiting for them would hide it
@ViewsMayLag
@RestController
@RequestMapping("/api/v1/status")
public class StatusController {

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ViewLag viewLag;

    public StatusController(EventProcessingConfiguration processing, ProcessorPositions positions, ViewLag viewLag) {
        this.processing = processing;
        this.positions = positions;
        this.viewLag = viewLag;
    }

    /**
     * The store's head (global index of its last event, -1 when empty), how far behind the views are
     * in time (the age of the oldest event a running view has not booked: what writes are held back on)
     * and each processor against the head.
     */
    public record Status(long head, long viewsBehindMillis, List<ProcessorStatus> processors) {
    }

    /**
     * A processor: its slowest segment's position (-1 before any event), how many events it lags
     * behind the head, and the tables it writes.
     */
    public record ProcessorStatus(String name, boolean running, int segments, long position, long lag,
                                  boolean caughtUp, boolean replaying, List<String> tables) {
    }

    /** The platform's health: its operator's, and an AUDITOR's of the whole platform (a monitoring user). */
    @Operation(summary = "The application's status: processors and projections")
    @GetMapping
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @Platform
    public Status status() {
        long head = positions.head();
        List<ProcessorStatus> processors = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.add(describe(name, streaming, head));
            }
        });
        return new Status(head, viewLag.behindMillis(), processors);
    }

    private static ProcessorStatus describe(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        // the slowest segment is how far the projection is, as a whole
        long position = Long.MAX_VALUE;
        boolean caughtUp = !segments.isEmpty();
        boolean replaying = false;
        for (EventTrackerStatus segment : segments.values()) {
            OptionalLong current = segment.getCurrentPosition();
            position = Math.min(position, current.orElse(-1));
            caughtUp &= segment.isCaughtUp();
            replaying |= segment.isReplaying();
        }
        if (segments.isEmpty()) {
            position = -1;
        }
        return new ProcessorStatus(name, processor.isRunning(), segments.size(), position, Math.max(0, head - position),
                caughtUp && position >= head, replaying, Projections.TABLES.getOrDefault(name, List.of()));
    }
}
