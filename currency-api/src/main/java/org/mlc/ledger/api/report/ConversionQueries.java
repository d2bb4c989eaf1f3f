package org.mlc.ledger.api.report;

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
 * Conversions at counters as {@link ConversionProjection} writes them in {@code conversion_view}:
 * the one place that reads it. Periods run from {@code start} (inclusive) to {@code end} (exclusive).
 * A cancelled conversion is listed, marked with its cancellation; every total leaves it out.
 */
@Component
public class ConversionQueries {

    /** One conversion of euros into units at a counter; {@code cancellation} is null unless it was cancelled. */
    public record Conversion(String id, String counterId, String currency, String accountId, long eurosMinor,
                             long unitsMinor, long bonusMinor, String paidBy, String payout, Instant convertedAt,
                             Cancellation cancellation, String agent) {

        public boolean cancelled() {
            return cancellation != null;
        }
    }

    /** When, by whom and why a conversion was cancelled. */
    public record Cancellation(Instant at, String by, String reason) {
    }

    /** Not cancelled: what totals count. */
    private static final String STANDING = " AND cancelled_at IS NULL";

    /** How many conversions a counter made and the euros they took in, over its whole life. */
    public record CounterTotals(long conversions, long eurosMinor) {
    }

    /** Conversions summed over a period. */
    public record Totals(long conversions, long eurosMinor, long unitsMinor, long bonusMinor) {
    }

    private static final String TOTALS = "SELECT COUNT(*) AS n, COALESCE(SUM(euros_minor), 0) AS euros, "
            + "COALESCE(SUM(units_minor), 0) AS units, COALESCE(SUM(bonus_minor), 0) AS bonus FROM conversion_view ";
    private static final RowMapper<Conversion> CONVERSION = (rs, row) -> {
        Timestamp cancelledAt = rs.getTimestamp("cancelled_at");
        return new Conversion(rs.getString("conversion_id"), rs.getString("counter_id"), rs.getString("currency"),
                rs.getString("account_id"), rs.getLong("euros_minor"), rs.getLong("units_minor"),
                rs.getLong("bonus_minor"), rs.getString("paid_by"), rs.getString("payout"),
                rs.getTimestamp("converted_at").toInstant(), cancelledAt == null ? null
                : new Cancellation(cancelledAt.toInstant(), rs.getString("cancelled_by"),
                        rs.getString("cancel_reason")), rs.getString("agent"));
    };
    private static final String COLUMNS = "conversion_id, counter_id, currency, account_id, euros_minor, units_minor, "
            + "bonus_minor, paid_by, payout, converted_at, cancelled_at, cancelled_by, cancel_reason, agent";
    private static final RowMapper<Totals> TOTALS_ROW = (rs, row) -> new Totals(rs.getLong("n"), rs.getLong("euros"),
            rs.getLong("units"), rs.getLong("bonus"));

    private final JdbcTemplate jdbc;

    public ConversionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A counter's conversions over a period, in time order (a counter makes a few hundred a day). */
    public List<Conversion> atCounter(String counterId, Instant start, Instant end) {
        return jdbc.query("SELECT " + COLUMNS + " FROM conversion_view WHERE counter_id = ? "
                        + "AND converted_at >= ? AND converted_at < ? ORDER BY converted_at, conversion_id",
                CONVERSION, counterId, Timestamp.from(start), Timestamp.from(end));
    }

    /** One conversion of a counter, cancelled or not. */
    public Optional<Conversion> find(String counterId, String conversionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM conversion_view WHERE counter_id = ? AND conversion_id = ?",
                CONVERSION, counterId, conversionId).stream().findFirst();
    }

    /**
     * A counter's conversions whose id starts with these hex digits (a receipt's short reference
     * names the first ones), newest first; a counter holds a few thousand, so a scan of its rows.
     */
    public List<Conversion> withIdPrefix(String counterId, String hexPrefix) {
        if (!hexPrefix.matches("[0-9a-f]{1,32}")) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM conversion_view WHERE counter_id = ? AND conversion_id LIKE ? "
                + "ORDER BY converted_at DESC LIMIT 20", CONVERSION, counterId, hexPrefix + "%");
    }

    /** The euros a counter took over a period, by means of payment (in their order). */
    public Map<String, Long> eurosByMeansAtCounter(String counterId, Instant start, Instant end) {
        Map<String, Long> byMeans = new LinkedHashMap<>();
        jdbc.query("SELECT paid_by, SUM(euros_minor) FROM conversion_view WHERE counter_id = ? AND converted_at >= ? "
                + "AND converted_at < ?" + STANDING + " GROUP BY paid_by ORDER BY paid_by", (ResultSet rs) -> {
                    byMeans.put(rs.getString(1), rs.getLong(2));
                }, counterId, Timestamp.from(start), Timestamp.from(end));
        return byMeans;
    }

    public Totals totalsAtCounter(String counterId, Instant start, Instant end) {
        return jdbc.queryForObject(TOTALS + "WHERE counter_id = ? AND converted_at >= ? AND converted_at < ?"
                        + STANDING,
                TOTALS_ROW, counterId, Timestamp.from(start), Timestamp.from(end));
    }

    public Totals totalsOfCurrency(String currency, Instant start, Instant end) {
        return jdbc.queryForObject(TOTALS + "WHERE currency = ? AND converted_at >= ? AND converted_at < ?" + STANDING,
                TOTALS_ROW, currency, Timestamp.from(start), Timestamp.from(end));
    }


    /** Each counter's conversions summed up, by counter id (absent: none yet). */
    public Map<String, CounterTotals> totalsByCounter() {
        Map<String, CounterTotals> totals = new HashMap<>();
        jdbc.query("SELECT counter_id, COUNT(*) AS conversions, SUM(euros_minor) AS euros_minor FROM conversion_view "
                + "WHERE cancelled_at IS NULL GROUP BY counter_id", rs -> {
                    totals.put(rs.getString("counter_id"), new CounterTotals(rs.getLong("conversions"),
                            rs.getLong("euros_minor")));
                });
        return totals;
    }
}
