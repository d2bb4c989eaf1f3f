package org.mlc.ledger.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.infrastructure.IdempotencyInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who did what, when: read straight from the event store, whose events carry in their metadata
 * the user, role, counter, Idempotency-Key and correlation id of the request that caused them.
 * Newest first. The filters scan the metadata (no index): fine for an association's volumes,
 * to be indexed if the store grows into the millions of events.
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 500;
    private static final Pattern FILTER = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public AuditController(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @GetMapping
    public Map<String, Object> trail(@RequestParam(required = false) String user,
                                     @RequestParam(required = false) String correlationId,
                                     @RequestParam(required = false) String aggregate,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0) {
            throw ApiException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        metaFilter(where, args, IdempotentCommands.USER, filter(user, "user"));
        metaFilter(where, args, IdempotentCommands.CORRELATION_ID, filter(correlationId, "correlationId"));
        if (filter(aggregate, "aggregate") != null) {
            where.append(" AND aggregate_identifier = ?");
            args.add(aggregate);
        }
        // time_stamp holds ISO-8601 instants (UTC): day bounds compare as text
        if (day(from, "from") != null) {
            where.append(" AND time_stamp >= ?");
            args.add(day(from, "from").toString());
        }
        if (day(to, "to") != null) {
            where.append(" AND time_stamp < ?");
            args.add(day(to, "to").plusDays(1).toString());
        }
        args.add(size);
        args.add((long) page * size);
        List<Map<String, Object>> entries = new ArrayList<>();
        jdbc.query("SELECT global_index, time_stamp, aggregate_identifier, payload_type, "
                + "convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry WHERE " + where
                + " ORDER BY global_index DESC LIMIT ? OFFSET ?", rs -> {
            JsonNode meta = parse(rs.getString("meta"));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", rs.getLong("global_index"));
            entry.put("at", rs.getString("time_stamp"));
            entry.put("user", text(meta, IdempotentCommands.USER));
            entry.put("role", text(meta, IdempotentCommands.ROLE));
            entry.put("counter", text(meta, IdempotentCommands.COUNTER));
            String type = rs.getString("payload_type");
            entry.put("event", type.substring(type.lastIndexOf('.') + 1));
            entry.put("aggregate", rs.getString("aggregate_identifier"));
            entry.put("idempotencyKey", text(meta, IdempotencyInterceptor.KEY));
            entry.put("correlationId", text(meta, IdempotentCommands.CORRELATION_ID));
            entries.add(entry);
        }, args.toArray());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("entries", entries);
        return body;
    }

    private static void metaFilter(StringBuilder where, List<Object> args, String key, String value) {
        if (value != null) {
            where.append(" AND convert_from(meta_data, 'UTF8')::jsonb ->> '").append(key).append("' = ?");
            args.add(value);
        }
    }

    private static String filter(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!FILTER.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be 1 to 200 letters, digits or . _ : -");
        }
        return value;
    }

    private static LocalDate day(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date like 2026-01-31");
        }
    }

    private JsonNode parse(String meta) {
        if (meta == null) {
            return objectMapper.createObjectNode();
        }
        try {
            return objectMapper.readTree(meta);
        } catch (JsonProcessingException e) {
            return objectMapper.createObjectNode();
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
