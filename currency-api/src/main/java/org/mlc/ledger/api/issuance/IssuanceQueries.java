package org.mlc.ledger.api.issuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlc.ledger.api.report.TracedSpending;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the direct issuances and their lines ({@code issuance_view}, {@code issuance_line}). */
@Component
public class IssuanceQueries {

    public static final String AWAITING_FUNDS = "AWAITING_FUNDS";
    public static final String FUNDED = "FUNDED";
    /** Funded and every line done (issued or refused): not stored, read from the lines. */
    public static final String ISSUED = "ISSUED";
    public static final String PENDING = "PENDING";
    public static final String REFUSED = "REFUSED";

    /** An issuance; {@code status} is ISSUED once funded with no line pending. */
    public record Issuance(String id, String currency, String funderId, String reference, long eurosMinor,
                           String status, String bankReference, String filedBy, Instant filedAt, Instant fundedAt,
                           int lines, int issuedLines, int refusedLines, long issuedUnitsMinor) {
    }

    public record Line(int line, String key, String recipientId, String accountId, long unitsMinor, String label,
                       String status, String code, Instant issuedAt) {
    }

    private static final String SELECT = "SELECT v.issuance_id, v.currency, v.funder_id, v.reference, v.euros_minor, "
            + "v.status, v.bank_reference, v.filed_by, v.filed_at, v.funded_at, "
            + "(SELECT COUNT(*) FROM issuance_line l WHERE l.issuance_id = v.issuance_id) AS lines, "
            + "(SELECT COUNT(*) FROM issuance_line l WHERE l.issuance_id = v.issuance_id AND l.status = 'ISSUED') "
            + "AS issued, "
            + "(SELECT COUNT(*) FROM issuance_line l WHERE l.issuance_id = v.issuance_id AND l.status = 'REFUSED') "
            + "AS refused, "
            + "(SELECT COALESCE(SUM(units_minor), 0) FROM issuance_line l WHERE l.issuance_id = v.issuance_id "
            + "AND l.status = 'ISSUED') AS issued_units FROM issuance_view v ";

    private final JdbcTemplate jdbc;

    public IssuanceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Issuance> find(String issuanceId) {
        return jdbc.query(SELECT + "WHERE v.issuance_id = ?", IssuanceQueries::issuance, issuanceId).stream()
                .findFirst();
    }

    /** A funder's issuances filed in [from, to), newest first (null bounds: open). */
    public List<Issuance> byFunder(String funderId, Instant from, Instant to, int limit) {
        return jdbc.query(SELECT + "WHERE (?::text IS NULL OR v.funder_id = ?) AND v.filed_at >= ? AND v.filed_at < ? "
                        + "ORDER BY v.filed_at DESC, v.issuance_id LIMIT ?", IssuanceQueries::issuance, funderId,
                funderId, Timestamp.from(from == null ? Instant.EPOCH : from),
                Timestamp.from(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to), limit);
    }

    /** The ids of the issuances of a currency waiting for their euros (what a bank line may confirm). */
    public List<String> awaitingFunds(String currency) {
        return jdbc.queryForList("SELECT issuance_id FROM issuance_view WHERE currency = ? AND status = ? "
                + "ORDER BY filed_at", String.class, currency, AWAITING_FUNDS);
    }

    /** Funded issuances with lines still to issue, and when they were funded (their job's name). */
    public record Funded(String issuanceId, String funderId, String filedBy, Instant fundedAt) {
    }

    public List<Funded> fundedWithPendingLines(int limit) {
        return jdbc.query("SELECT v.issuance_id, v.funder_id, v.filed_by, v.funded_at FROM issuance_view v "
                        + "WHERE v.status = ? AND EXISTS (SELECT 1 FROM issuance_line l WHERE l.issuance_id = "
                        + "v.issuance_id AND l.status = ?) ORDER BY v.funded_at LIMIT ?",
                (rs, i) -> new Funded(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), FUNDED, PENDING, limit);
    }

    public List<Line> lines(String issuanceId, int limit) {
        return jdbc.query("SELECT line_no, line_key, recipient_id, account_id, units_minor, label, status, code, "
                + "issued_at FROM issuance_line WHERE issuance_id = ? ORDER BY line_no LIMIT ?", (rs, i) -> new Line(
                rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9))), issuanceId, limit);
    }

    /** What a funder's issuances of a period reached: recipients, units issued. */
    public record Reach(int recipients, long unitsMinor) {
    }

    public Reach reach(String funderId, Instant from, Instant to) {
        return jdbc.queryForObject("SELECT COUNT(DISTINCT l.recipient_id), COALESCE(SUM(l.units_minor), 0) "
                        + "FROM issuance_line l JOIN issuance_view v ON v.issuance_id = l.issuance_id "
                        + "WHERE (?::text IS NULL OR v.funder_id = ?) AND l.status = 'ISSUED' AND l.issued_at >= ? "
                        + "AND l.issued_at < ?", (rs, i) -> new Reach(rs.getInt(1), rs.getLong(2)), funderId, funderId,
                Timestamp.from(from), Timestamp.from(to));
    }

    /** Units of the issuances spent at merchants of one filière (null: a merchant without one). */
    public record Spent(String filiere, long unitsMinor) {
    }

    /**
     * Where the units a funder's issuances put on accounts in the period went, as far as they can be
     * traced ({@link TracedSpending}): each recipient account's completed payments to merchants after
     * its first issued line, up to the units it received from these issuances.
     */
    public List<Spent> spentAtMerchants(String funderId, Instant from, Instant to) {
        return jdbc.query(traced("p.filiere", "(?::text IS NULL OR v.funder_id = ?) AND l.issued_at >= ? "
                        + "AND l.issued_at < ?", false) + " ORDER BY 1 NULLS LAST",
                (rs, i) -> new Spent(rs.getString(1), rs.getLong(2)), funderId, funderId, Timestamp.from(from),
                Timestamp.from(to));
    }

    /**
     * The units of a currency's issuances spent at its merchants from {@code from} (inclusive) to
     * {@code to} (exclusive), by the merchant's commune (merchants without one left out), traced as
     * {@link #spentAtMerchants}: each recipient's payments since its first line, counted up to what
     * the lines issued before {@code to} gave it.
     */
    public Map<String, Long> spentByCommune(String currency, Instant from, Instant to) {
        Map<String, Long> byCommune = new TreeMap<>();
        jdbc.query(traced("p.commune", "v.currency = ? AND l.issued_at < ?", true),
                (ResultSet rs) -> {
                    if (rs.getString(1) != null) {
                        byCommune.put(rs.getString(1), rs.getLong(2));
                    }
                }, currency, Timestamp.from(to), Timestamp.from(to), Timestamp.from(from));
        return byCommune;
    }

    /** The traced spending ({@link TracedSpending}) of the issued lines that {@code linesFilter} keeps. */
    private static String traced(String key, String linesFilter, boolean inPeriod) {
        return TracedSpending.sql("SELECT l.account_id, SUM(l.units_minor) AS cap, MIN(l.issued_at) AS since "
                + "FROM issuance_line l JOIN issuance_view v ON v.issuance_id = l.issuance_id "
                + "WHERE l.status = 'ISSUED' AND " + linesFilter + " GROUP BY l.account_id", key, inPeriod);
    }

    private static Issuance issuance(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        int lines = rs.getInt("lines");
        int issued = rs.getInt("issued");
        int refused = rs.getInt("refused");
        if (FUNDED.equals(status) && lines > 0 && issued + refused == lines) {
            status = ISSUED;
        }
        return new Issuance(rs.getString("issuance_id"), rs.getString("currency"), rs.getString("funder_id"),
                rs.getString("reference"), rs.getLong("euros_minor"), status, rs.getString("bank_reference"),
                rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(), instant(rs.getTimestamp("funded_at")),
                lines, issued, refused, rs.getLong("issued_units"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
