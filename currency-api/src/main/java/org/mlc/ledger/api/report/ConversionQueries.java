package org.mlc.ledger.api.report;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Conversions at counters as {@link ConversionProjection} writes them in {@code conversion_view}:
 * the place for every read of that table (the reports' reads belong here too).
 */
@Component
public class ConversionQueries {

    /** How many conversions a counter made and the euros they took in, over its whole life. */
    public record CounterTotals(long conversions, long eurosMinor) {
    }

    private final JdbcTemplate jdbc;

    public ConversionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each counter's conversions summed up, by counter id (absent: none yet). */
    public Map<String, CounterTotals> totalsByCounter() {
        Map<String, CounterTotals> totals = new HashMap<>();
        jdbc.query("SELECT counter_id, COUNT(*) AS conversions, SUM(euros_minor) AS euros_minor FROM conversion_view "
                + "GROUP BY counter_id", rs -> {
                    totals.put(rs.getString("counter_id"), new CounterTotals(rs.getLong("conversions"),
                            rs.getLong("euros_minor")));
                });
        return totals;
    }
}
