package org.mlc.ledger.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mlc.ledger.api.infrastructure.IdempotencyInterceptor;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail, read straight from the event store ({@code domain_event_entry}), whose events
 * carry in their metadata the user, role, counter, Idempotency-Key and correlation id of the
 * request that caused them. The filters scan the metadata (no index): fine for an association's
 * volumes, to be indexed if the store grows into the millions of events.
 */
@Component
public class AuditQueries {

    /**
     * What to look for; a null field does not filter. Days are UTC, both ends included. A currency
     * keeps to the events of requests about it (their metadata's {@code currency}).
     */
    public record Filter(String user, String correlationId, String aggregate, LocalDate from, LocalDate to,
                         String currency) {
    }

    /** One event: when, who (user, role, counter), what (its type's simple name, on which aggregate), why (key). */
    public record AuditEntry(long index, String at, String user, String role, String counter, String currency,
                             String event,
                             String aggregate, String idempotencyKey, String correlationId) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public AuditQueries(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** The events matching the filter, newest first, {@code limit} of them after {@code offset}. */
    public List<AuditEntry> entries(Filter filter, int limit, long offset) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        metaFilter(where, args, IdempotentCommands.USER, filter.user());
        metaFilter(where, args, IdempotentCommands.CORRELATION_ID, filter.correlationId());
        metaFilter(where, args, IdempotentCommands.CURRENCY, filter.currency());
        if (filter.aggregate() != null) {
            where.append(" AND aggregate_identifier = ?");
            args.add(filter.aggregate());
        }
        // time_stamp holds ISO-8601 instants (UTC): day bounds compare as text
        if (filter.from() != null) {
            where.append(" AND time_stamp >= ?");
            args.add(filter.from().toString());
        }
        if (filter.to() != null) {
            where.append(" AND time_stamp < ?");
            args.add(filter.to().plusDays(1).toString());
        }
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT global_index, time_stamp, aggregate_identifier, payload_type, "
                + "convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry WHERE " + where
                + " ORDER BY global_index DESC LIMIT ? OFFSET ?", (rs, i) -> {
            JsonNode meta = parse(rs.getString("meta"));
            String type = rs.getString("payload_type");
            return new AuditEntry(rs.getLong("global_index"), rs.getString("time_stamp"),
                    text(meta, IdempotentCommands.USER), text(meta, IdempotentCommands.ROLE),
                    text(meta, IdempotentCommands.COUNTER), text(meta, IdempotentCommands.CURRENCY),
                    type.substring(type.lastIndexOf('.') + 1),
                    rs.getString("aggregate_identifier"), text(meta, IdempotencyInterceptor.KEY),
                    text(meta, IdempotentCommands.CORRELATION_ID));
        }, args.toArray());
    }

    private static void metaFilter(StringBuilder where, List<Object> args, String key, String value) {
        if (value != null) {
            where.append(" AND convert_from(meta_data, 'UTF8')::jsonb ->> '").append(key).append("' = ?");
            args.add(value);
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
