package org.mlc.ledger.api.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@code mail_outbox}: the messages written, newest first. */
@Component
public class OutboxQueries {

    public record Message(long id, String recipient, String subject, String body, String status, String error,
                          Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public OutboxQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} messages, newest first; {@code recipient} narrows it when not null. */
    public List<Message> latest(String recipient, int limit) {
        return jdbc.query("SELECT id, recipient, subject, body, status, error, created_at FROM mail_outbox "
                        + "WHERE (?::text IS NULL OR lower(recipient) = lower(?)) ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("status"), rs.getString("error"),
                        rs.getTimestamp("created_at").toInstant()), recipient, recipient, limit);
    }
}
