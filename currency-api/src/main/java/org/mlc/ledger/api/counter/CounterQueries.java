package org.mlc.ledger.api.counter;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;


/** Exchange counters as {@link CounterProjection} writes them in {@code counter_view}: the one place that reads it. */
@Component
public class CounterQueries {

    /** Counters listed at most by one call; an association runs a few dozen. */
    public static final int MAX_LISTED = 500;

    /** A counter as the API shows it; {@code host} is null when the counter names no host shop. */
    public record Counter(String id, String name, String currency, String host) {
    }

    private static final RowMapper<Counter> ROW = (rs, i) -> new Counter(rs.getString("counter_id"),
            rs.getString("name"), rs.getString("currency"), rs.getString("host"));

    private final JdbcTemplate jdbc;

    public CounterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Counter> find(String counterId) {
        return jdbc.query("SELECT counter_id, name, currency, host FROM counter_view WHERE counter_id = ?", ROW,
                counterId).stream().findFirst();
    }

    /** Every counter, by currency then name, at most {@link #MAX_LISTED}. */
    public List<Counter> all() {
        return jdbc.query("SELECT counter_id, name, currency, host FROM counter_view ORDER BY currency, name LIMIT ?",
                ROW, MAX_LISTED);
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
