package org.mlc.ledger.api.counter;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mlc.ledger.counter.Notes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The counters' paper notes as {@link NoteStockProjection} writes them in {@code counter_note_stock}. */
@Component
public class NoteStockQueries {

    private final JdbcTemplate jdbc;

    public NoteStockQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes held by the counter, by denomination, every denomination present (0 when none). */
    public Map<Integer, Long> stock(String counterId) {
        Map<Integer, Long> stock = new TreeMap<>();
        for (Integer denomination : Notes.DENOMINATIONS) {
            stock.put(denomination, 0L);
        }
        jdbc.query("SELECT denomination, notes FROM counter_note_stock WHERE counter_id = ?",
                rs -> {
                    stock.put(rs.getInt("denomination"), rs.getLong("notes"));
                }, counterId);
        return stock;
    }

    /** The face value of each counter's notes, in whole units, by counter id (absent: no notes ever). */
    public Map<String, Long> valueUnitsByCounter() {
        Map<String, Long> values = new HashMap<>();
        jdbc.query("SELECT counter_id, SUM(denomination * notes) AS value_units FROM counter_note_stock "
                + "GROUP BY counter_id", rs -> {
                    values.put(rs.getString("counter_id"), rs.getLong("value_units"));
                });
        return values;
    }
}
