package org.mlc.ledger.api.counter;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Exchange counters as {@link CounterProjection} writes them in {@code counter_view}: the one place that reads it. */
@Component
public class CounterQueries {

    private final JdbcTemplate jdbc;

    public CounterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The currency a counter sells, or empty for an unknown counter. */
    public Optional<String> currencyOf(String counterId) {
        return jdbc.queryForList("SELECT currency FROM counter_view WHERE counter_id = ?", String.class, counterId)
                .stream().findFirst();
    }

    /** The names of every counter, by id (a currency has a few dozen). */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT counter_id, name FROM counter_view", (ResultSet rs) -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
