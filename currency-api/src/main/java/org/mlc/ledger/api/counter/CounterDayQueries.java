package org.mlc.ledger.api.counter;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remittances and sponsor budgets as {@link CounterDayProjection} writes them in
 * {@code remittance_view} and {@code bonus_budget_view}: the one place that reads those tables.
 */
@Component
public class CounterDayQueries {

    private final JdbcTemplate jdbc;

    public CounterDayQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
