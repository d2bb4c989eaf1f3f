package org.mlc.ledger.api.reconversion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reconversions and the payouts the guarantee fund owes for them, as the ledger group writes them
 * in {@code reconversion_view}: the one place that reads that table.
 */
@Component
public class ReconversionQueries {

    /** A reconversion and where its payout stands; {@code merchantId} is the account's owner. */
    public record Reconversion(String id, String merchantId, String accountId, String currency, long unitsMinor,
                               long feeMinor, long eurosMinor, String status, String bankOrder, String bankReference,
                               Instant requestedAt) {
    }

    /** A payout to order at the bank: to whom (the merchant and its name), how much, since when. */
    public record Payout(String reconversionId, String beneficiaryName, String merchantId, long eurosMinor,
                         Instant requestedAt) {
    }

    private static final String COLUMNS = "r.reconversion_id, a.participant_id, r.account_id, r.currency, "
            + "r.units_minor, r.fee_minor, r.euros_minor, r.status, r.bank_order, r.bank_reference, r.requested_at";
    private static final RowMapper<Reconversion> ROW = ReconversionQueries::reconversion;

    private final JdbcTemplate jdbc;

    public ReconversionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Reconversion> find(String reconversionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reconversion_view r JOIN account_view a "
                + "ON a.account_id = r.account_id WHERE r.reconversion_id = ?", ROW, reconversionId).stream().findFirst();
    }

    /** An account's latest reconversions, the newest first, at most {@code limit}. */
    public List<Reconversion> latestOf(String accountId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reconversion_view r JOIN account_view a "
                + "ON a.account_id = r.account_id WHERE r.account_id = ? ORDER BY r.requested_at DESC LIMIT ?", ROW,
                accountId, limit);
    }

    /** The payouts of a currency in one status, oldest first, at most {@code limit}. */
    public List<Payout> payouts(String currency, String status, int limit) {
        return jdbc.query("SELECT r.reconversion_id, p.name, p.participant_id, r.euros_minor, r.requested_at "
                        + "FROM reconversion_view r JOIN account_view a ON a.account_id = r.account_id "
                        + "JOIN participant_view p ON p.participant_id = a.participant_id "
                        + "WHERE r.currency = ? AND r.status = ? ORDER BY r.requested_at, r.reconversion_id LIMIT ?",
                (rs, row) -> new Payout(rs.getString("reconversion_id"), rs.getString("name"),
                        rs.getString("participant_id"), rs.getLong("euros_minor"),
                        rs.getTimestamp("requested_at").toInstant()), currency, status, limit);
    }

    private static Reconversion reconversion(ResultSet rs, int row) throws SQLException {
        return new Reconversion(rs.getString("reconversion_id"), rs.getString("participant_id"),
                rs.getString("account_id"), rs.getString("currency"), rs.getLong("units_minor"),
                rs.getLong("fee_minor"), rs.getLong("euros_minor"), rs.getString("status"), rs.getString("bank_order"),
                rs.getString("bank_reference"), rs.getTimestamp("requested_at").toInstant());
    }
}
