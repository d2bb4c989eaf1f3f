package org.mlc.ledger.api.counter;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;


/**
 * Counter closings (Z reports) and remittances as {@link CounterDayProjection} writes them in
 * {@code counter_closing}, {@code counter_closing_correction}, {@code counter_shortfall_covering},
 * {@code counter_drawer_movement} and {@code remittance_view}: the one place that reads those tables.
 */
@Component
public class CounterDayQueries {

    /** Closings shown on a counter's home page, newest first. */
    public static final int RECENT_CLOSINGS = 5;

    /** A closing as listed; the full Z report is {@link #reportJson}. */
    public record Closing(String closingId, Instant closedAt, long totalDiscrepancyMinor) {
    }

    /** What the closings of one counter add up to: the last one and the discrepancies of all. */
    public record ClosingTotals(Instant lastClosedAt, long discrepancyMinor) {
    }

    /** Who closed and the period the Z report covers (nulls for a closing recorded before they were kept). */
    public record Signature(Instant periodFrom, Instant periodTo, String closedBy) {
    }

    /** A recount of a closing: the new counts of the means recounted (JSON of the event) and the difference. */
    public record Correction(String correctionId, String countedJson, String differenceJson,
                             long totalDifferenceMinor, String reason, String correctedBy, Instant correctedAt) {
    }

    /** A remittance of a counter's cash to the fund; {@code bankReference} is set once confirmed. */
    public record Remittance(String id, String means, long eurosMinor, String status, String bankReference) {
    }

    private static final RowMapper<Closing> CLOSING = (rs, i) -> new Closing(rs.getString("closing_id"),
            rs.getTimestamp("closed_at").toInstant(), rs.getLong("total_discrepancy_minor"));
    private static final RowMapper<Remittance> REMITTANCE = (rs, i) -> new Remittance(rs.getString("remittance_id"),
            rs.getString("means"), rs.getLong("euros_minor"), rs.getString("status"), rs.getString("bank_reference"));

    private final JdbcTemplate jdbc;

    public CounterDayQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored Z report of a closing of this counter, as the JSON its event carried. */
    public Optional<String> reportJson(String counterId, String closingId) {
        return jdbc.queryForList("SELECT report_json FROM counter_closing WHERE counter_id = ? AND closing_id = ?",
                String.class, counterId, closingId).stream().findFirst();
    }

    public Optional<Signature> signature(String counterId, String closingId) {
        return jdbc.query("SELECT period_from, period_to, closed_by FROM counter_closing WHERE counter_id = ? "
                + "AND closing_id = ?", (rs, i) -> new Signature(instant(rs.getTimestamp("period_from")),
                instant(rs.getTimestamp("period_to")), rs.getString("closed_by")), counterId, closingId)
                .stream().findFirst();
    }

    /** The recounts of a closing, oldest first. */
    public List<Correction> corrections(String counterId, String closingId) {
        return jdbc.query("SELECT correction_id, counted_json, difference_json, total_difference_minor, reason, "
                        + "corrected_by, corrected_at FROM counter_closing_correction WHERE counter_id = ? "
                        + "AND closing_id = ? ORDER BY corrected_at, correction_id",
                (rs, i) -> new Correction(rs.getString("correction_id"), rs.getString("counted_json"),
                        rs.getString("difference_json"), rs.getLong("total_difference_minor"), rs.getString("reason"),
                        rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toInstant()),
                counterId, closingId);
    }

    /**
     * The counter's shortfall not covered yet: shortfalls found at closings and recounts, net of
     * surpluses, less the association's coverings (as the counter itself counts it); 0 when
     * surpluses outweigh them.
     */
    public long uncoveredShortfallMinor(String counterId) {
        Long net = jdbc.queryForObject("SELECT "
                + "- COALESCE((SELECT SUM(total_discrepancy_minor) FROM counter_closing WHERE counter_id = ?), 0) "
                + "- COALESCE((SELECT SUM(total_difference_minor) FROM counter_closing_correction WHERE counter_id = ?), 0) "
                + "- COALESCE((SELECT SUM(euros_minor) FROM counter_shortfall_covering WHERE counter_id = ?), 0)",
                Long.class, counterId, counterId, counterId);
        return Math.max(0, net == null ? 0 : net);
    }

    /** {@link #uncoveredShortfallMinor} of every counter that has one, by counter id. */
    public Map<String, Long> uncoveredShortfallByCounter() {
        Map<String, Long> uncovered = new HashMap<>();
        jdbc.query("SELECT counter_id, SUM(net) AS net FROM ("
                + "SELECT counter_id, -total_discrepancy_minor AS net FROM counter_closing "
                + "UNION ALL SELECT counter_id, -total_difference_minor FROM counter_closing_correction "
                + "UNION ALL SELECT counter_id, -euros_minor FROM counter_shortfall_covering) m "
                + "GROUP BY counter_id HAVING SUM(net) > 0", (ResultSet rs) -> {
                    uncovered.put(rs.getString("counter_id"), rs.getLong("net"));
                });
        return uncovered;
    }

    /** What the counter's drawer held before {@code at}, per means of payment (CASH, CARD, CHEQUE; absent: 0). */
    public Map<String, Long> drawerBefore(String counterId, Instant at) {
        Map<String, Long> drawer = new LinkedHashMap<>();
        jdbc.query("SELECT means, SUM(amount_minor) AS held FROM counter_drawer_movement WHERE counter_id = ? "
                + "AND moved_at < ? GROUP BY means", (ResultSet rs) -> {
                    drawer.put(rs.getString("means"), rs.getLong("held"));
                }, counterId, Timestamp.from(at));
        return drawer;
    }

    /** What the counter's drawer holds now, per means of payment (absent: 0). */
    public Map<String, Long> drawer(String counterId) {
        Map<String, Long> drawer = new LinkedHashMap<>();
        jdbc.query("SELECT means, SUM(amount_minor) AS held FROM counter_drawer_movement WHERE counter_id = ? "
                + "GROUP BY means", (ResultSet rs) -> {
                    drawer.put(rs.getString("means"), rs.getLong("held"));
                }, counterId);
        return drawer;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A counter's closings whose id starts with these hex digits (a Z report's short reference names them). */
    public List<String> closingIdsWithPrefix(String counterId, String hexPrefix) {
        if (!hexPrefix.matches("[0-9a-f]{1,32}")) {
            return List.of();
        }
        return jdbc.queryForList("SELECT closing_id FROM counter_closing WHERE counter_id = ? AND closing_id LIKE ? "
                + "ORDER BY closed_at DESC LIMIT 20", String.class, counterId, hexPrefix + "%");
    }

    /** The counter's last {@link #RECENT_CLOSINGS} closings, newest first. */
    public List<Closing> recentClosings(String counterId) {
        return jdbc.query("SELECT closing_id, closed_at, total_discrepancy_minor FROM counter_closing "
                + "WHERE counter_id = ? ORDER BY closed_at DESC LIMIT ?", CLOSING, counterId, RECENT_CLOSINGS);
    }

    /** Each counter's closings summed up, by counter id (absent: never closed). */
    public Map<String, ClosingTotals> closingTotalsByCounter() {
        Map<String, ClosingTotals> totals = new HashMap<>();
        jdbc.query("SELECT counter_id, MAX(closed_at) AS last_closed_at, SUM(total_discrepancy_minor) "
                + "AS discrepancy_minor FROM counter_closing GROUP BY counter_id", rs -> {
                    Timestamp last = rs.getTimestamp("last_closed_at");
                    totals.put(rs.getString("counter_id"), new ClosingTotals(last == null ? null : last.toInstant(),
                            rs.getLong("discrepancy_minor")));
                });
        return totals;
    }

    public Optional<Remittance> remittance(String counterId, String remittanceId) {
        return jdbc.query("SELECT remittance_id, means, euros_minor, status, bank_reference FROM remittance_view "
                + "WHERE counter_id = ? AND remittance_id = ?", REMITTANCE, counterId, remittanceId)
                .stream().findFirst();
    }


    /** The remittances of a currency's counters: the counter of each, by remittance id. */
    public Map<String, String> remittanceCounters(String currency) {
        Map<String, String> counters = new LinkedHashMap<>();
        jdbc.query("SELECT r.remittance_id, r.counter_id FROM remittance_view r JOIN counter_view c "
                        + "ON c.counter_id = r.counter_id WHERE c.currency = ?",
                (ResultSet rs) -> {
                    counters.put(rs.getString(1), rs.getString(2));
                }, currency);
        return counters;
    }

    /** The ids of a currency's bonus budgets. */
    public List<String> budgetIds(String currency) {
        return jdbc.queryForList("SELECT budget_id FROM bonus_budget_view WHERE currency = ?", String.class, currency);
    }
}
