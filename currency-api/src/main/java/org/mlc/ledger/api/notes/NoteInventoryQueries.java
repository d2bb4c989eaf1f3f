package org.mlc.ledger.api.notes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The printed series and the note inventory as {@link NoteInventoryProjection} writes them. */
@Component
public class NoteInventoryQueries {

    /** A printed series. */
    public record Series(String id, String currency, String series, LocalDate validUntil, LocalDate exchangeDeadline) {
    }

    /** Notes of a series ('' for none) and denomination at a place (counter '' but at a counter). */
    public record Row(String seriesId, int denomination, String place, String counterId, long notes) {
    }

    /** Notes of an ended series exchanged at a counter: how many notes, their value, when. */
    public record Exchange(String id, String seriesId, String series, int notes, long unitsMinor,
                           java.time.Instant at) {
    }

    private final JdbcTemplate jdbc;

    public NoteInventoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Series> series(String seriesId) {
        return jdbc.query("SELECT * FROM note_series_view WHERE series_id = ?", (rs, i) -> series(rs), seriesId)
                .stream().findFirst();
    }

    /** The currency's series, oldest printed first. */
    public List<Series> seriesOf(String currency) {
        return jdbc.query("SELECT * FROM note_series_view WHERE currency = ? ORDER BY printed_at, series",
                (rs, i) -> series(rs), currency);
    }

    /** Every non-zero figure of the currency's inventory. */
    public List<Row> rows(String currency) {
        return jdbc.query("SELECT series_id, denomination, place, counter_id, notes FROM note_inventory "
                        + "WHERE currency = ? AND notes <> 0 ORDER BY series_id, denomination, place, counter_id",
                (rs, i) -> new Row(rs.getString("series_id"), rs.getInt("denomination"), rs.getString("place"),
                        rs.getString("counter_id"), rs.getLong("notes")), currency);
    }

    /** The exchanges at a counter from {@code start} (included) to {@code end}, in their order. */
    public List<Exchange> exchangesAtCounter(String counterId, java.time.Instant start, java.time.Instant end) {
        return jdbc.query("SELECT e.exchange_id, e.series_id, s.series, e.notes, e.units_minor, e.exchanged_at "
                        + "FROM note_exchange_view e LEFT JOIN note_series_view s ON s.series_id = e.series_id "
                        + "WHERE e.counter_id = ? AND e.exchanged_at >= ? AND e.exchanged_at < ? "
                        + "ORDER BY e.exchanged_at, e.exchange_id",
                (rs, i) -> new Exchange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()), counterId, java.sql.Timestamp.from(start),
                java.sql.Timestamp.from(end));
    }

    /** The currencies that have an inventory, for reconcile. */
    public List<String> currencies() {
        return jdbc.queryForList("SELECT DISTINCT currency FROM note_inventory ORDER BY currency", String.class);
    }

    private static Series series(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date until = rs.getDate("valid_until");
        java.sql.Date deadline = rs.getDate("exchange_deadline");
        return new Series(rs.getString("series_id"), rs.getString("currency"), rs.getString("series"),
                until == null ? null : until.toLocalDate(), deadline == null ? null : deadline.toLocalDate());
    }
}
