package org.mlc.ledger.api.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Two-phase payments as {@link HoldProjection} writes them in {@code payment_hold_view}: the one place that reads it. */
@Component
public class HoldQueries {

    /** A hold; {@code capturedMinor} and {@code transferId} are null until it is captured. */
    public record Hold(String id, String currency, String fromAccount, String toAccount, long amountMinor,
                       String reference, HoldStatus status, Instant expiresAt, Long capturedMinor, String transferId) {
    }

    private static final String COLUMNS = "hold_id, currency, from_account, to_account, amount_minor, reference, "
            + "status, expires_at, captured_minor, transfer_id";
    private static final RowMapper<Hold> ROW = HoldQueries::hold;

    private final JdbcTemplate jdbc;

    public HoldQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Hold> find(String holdId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payment_hold_view WHERE hold_id = ?", ROW, holdId).stream()
                .findFirst();
    }

    /** Holds still authorized whose expiry is at or before {@code now}, the oldest first, at most {@code limit}. */
    public List<Hold> expiredAt(Instant now, int limit) {
        // the status as a literal: the partial index on open holds serves only a query that names it
        return jdbc.query("SELECT " + COLUMNS + " FROM payment_hold_view WHERE status = 'AUTHORIZED' "
                + "AND expires_at <= ? ORDER BY expires_at LIMIT ?", ROW, Timestamp.from(now), limit);
    }

    private static Hold hold(ResultSet rs, int row) throws SQLException {
        return new Hold(rs.getString("hold_id"), rs.getString("currency"), rs.getString("from_account"),
                rs.getString("to_account"), rs.getLong("amount_minor"), rs.getString("reference"),
                HoldStatus.valueOf(rs.getString("status")), rs.getTimestamp("expires_at").toInstant(),
                rs.getObject("captured_minor", Long.class), rs.getString("transfer_id"));
    }
}
