package org.mlc.ledger.api.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Payments as {@link TransferProjection} writes them in {@code transfer_view}: the one place that reads it. */
@Component
public class TransferQueries {

    /** A payment and where it stands; {@code reason} says why it was refused, if it was. */
    public record Transfer(String id, String currency, String fromAccount, String toAccount, long amountMinor,
                           String reference, PaymentStatus status, String reason, Instant requestedAt) {
    }

    /** The completed payments of a period: all of them, and those between two merchants (B2B). */
    public record PaymentFigures(long payments, long volumeMinor, long b2bPayments, long b2bVolumeMinor) {
    }

    /** Members' and merchants' accounts that paid or were paid in a period. */
    public record ActiveAccounts(long members, long merchants) {
    }

    private static final RowMapper<Transfer> ROW = TransferQueries::transfer;

    private final JdbcTemplate jdbc;

    public TransferQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Transfer> find(String transferId) {
        return jdbc.query("SELECT transfer_id, currency, from_account, to_account, amount_minor, reference, status, "
                + "reason, requested_at FROM transfer_view WHERE transfer_id = ?", ROW, transferId).stream().findFirst();
    }

    /** The payments of a currency completed from {@code start} (inclusive) to {@code end} (exclusive). */
    public PaymentFigures completed(String currency, Instant start, Instant end) {
        return jdbc.queryForObject("SELECT COUNT(*) AS n, COALESCE(SUM(t.amount_minor), 0) AS volume, "
                + "COUNT(*) FILTER (WHERE f.owner_kind = 'MERCHANT' AND p.owner_kind = 'MERCHANT') AS b2b, "
                + "COALESCE(SUM(t.amount_minor) FILTER (WHERE f.owner_kind = 'MERCHANT' AND p.owner_kind = 'MERCHANT'), 0) "
                + "AS b2b_volume FROM transfer_view t JOIN account_view f ON f.account_id = t.from_account "
                + "JOIN account_view p ON p.account_id = t.to_account WHERE t.currency = ? AND t.status = ? "
                + "AND t.requested_at >= ? AND t.requested_at < ?",
                (rs, row) -> new PaymentFigures(rs.getLong("n"), rs.getLong("volume"), rs.getLong("b2b"),
                        rs.getLong("b2b_volume")),
                currency, PaymentStatus.COMPLETED.name(), Timestamp.from(start), Timestamp.from(end));
    }

    /** The accounts in completed payments of a currency from {@code start} (inclusive) to {@code end} (exclusive). */
    public ActiveAccounts active(String currency, Instant start, Instant end) {
        return jdbc.queryForObject("SELECT COUNT(DISTINCT a.account_id) FILTER (WHERE a.owner_kind = "
                + "'MEMBER') AS members, COUNT(DISTINCT a.account_id) FILTER (WHERE a.owner_kind = 'MERCHANT') AS merchants "
                + "FROM transfer_view t JOIN account_view a ON a.account_id IN (t.from_account, t.to_account) "
                + "WHERE t.currency = ? AND t.status = ? AND t.requested_at >= ? AND t.requested_at < ?",
                (rs, row) -> new ActiveAccounts(rs.getLong("members"), rs.getLong("merchants")),
                currency, PaymentStatus.COMPLETED.name(), Timestamp.from(start), Timestamp.from(end));
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(rs.getString("transfer_id"), rs.getString("currency"), rs.getString("from_account"),
                rs.getString("to_account"), rs.getLong("amount_minor"), rs.getString("reference"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getTimestamp("requested_at").toInstant());
    }
}
