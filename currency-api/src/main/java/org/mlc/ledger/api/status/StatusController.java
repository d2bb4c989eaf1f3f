package org.mlc.ledger.api.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ViewsMayLag;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;

    public StatusController(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.AUDITOR})
    public Map<String, Object> status() {
        long head = head(jdbc);
        List<Map<String, Object>> processors = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.add(describe(name, streaming, head));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("head", head);
        body.put("processors", processors);
        return body;
    }

    /** Global index of the last event in the store, -1 when it is empty. */
    public static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private static Map<String, Object> describe(String name, StreamingEventProcessor processor, long head) {
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
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("running", processor.isRunning());
        view.put("segments", segments.size());
        view.put("position", position);
        view.put("lag", Math.max(0, head - position));
        view.put("caughtUp", caughtUp && position >= head);
        view.put("replaying", replaying);
        view.put("tables", Projections.TABLES.getOrDefault(name, List.of()));
        return view;
    }
}
