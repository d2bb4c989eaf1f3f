package org.mlc.ledger.api.notes;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.counter.ConversionCancelled;
import org.mlc.ledger.counter.CounterDefined;
import org.mlc.ledger.counter.ExpiredNotesExchanged;
import org.mlc.ledger.counter.NotesReceived;
import org.mlc.ledger.counter.NotesSold;
import org.mlc.ledger.counter.NotesSoldFromSeries;
import org.mlc.ledger.counter.NotesTakenBack;
import org.mlc.ledger.counter.NotesTakenBackToSeries;
import org.mlc.ledger.counter.SeriesNotes;
import org.mlc.ledger.counter.SeriesSaleCancelled;
import org.mlc.ledger.notes.DamagedNotesWithdrawn;
import org.mlc.ledger.notes.ExchangeDeadlineSet;
import org.mlc.ledger.notes.NeverReturnedNotesReleased;
import org.mlc.ledger.notes.NoteSeriesPrinted;
import org.mlc.ledger.notes.NotesDestroyed;
import org.mlc.ledger.notes.NotesDispatched;
import org.mlc.ledger.notes.NotesReturnedToVault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where every note of a currency is, by series and denomination: printed, in the vault, at each
 * counter, in circulation, withdrawn, destroyed. Notes of no series (received by a counter before
 * series existed, or deposited without their series) are the series ''; their "printed" is what
 * counters received of them. A sale's or deposit's NotesSold / NotesTakenBack is booked on the
 * series '' and its companion event (NotesSoldFromSeries…) moves the notes of a series from there
 * to their series, so each stored event keeps its meaning. Notes of a closed series never returned
 * and released to the projects fund leave circulation for RELEASED.
 */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class NoteInventoryProjection {

    static final String NO_SERIES = "";

    private final JdbcTemplate jdbc;

    NoteInventoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CounterDefined event) {
        jdbc.update("INSERT INTO note_counter (counter_id, currency) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.counterId().value(), event.currency().value());
    }

    @EventHandler
    void on(NoteSeriesPrinted event) {
        jdbc.update("INSERT INTO note_series_view (series_id, currency, series, valid_until, printed_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.seriesId().value(),
                event.currency().value(), event.series(),
                event.validUntil() == null ? null : Date.valueOf(event.validUntil()), Timestamp.from(event.at()));
        String currency = event.currency().value();
        String series = event.seriesId().value();
        add(currency, series, event.printed(), Place.PRINTED, NO_SERIES, 1);
        add(currency, series, event.printed(), Place.VAULT, NO_SERIES, 1);
    }

    @EventHandler
    void on(ExchangeDeadlineSet event) {
        jdbc.update("UPDATE note_series_view SET exchange_deadline = ? WHERE series_id = ?",
                Date.valueOf(event.deadline()), event.seriesId().value());
    }

    @EventHandler
    void on(NotesDispatched event) {
        String currency = currencyOfSeries(event.seriesId().value());
        move(currency, event.seriesId().value(), event.notes(), Place.VAULT, NO_SERIES, Place.COUNTER,
                event.counterId().value());
    }

    @EventHandler
    void on(NotesReturnedToVault event) {
        String currency = currencyOfSeries(event.seriesId().value());
        move(currency, event.seriesId().value(), event.notes(), Place.COUNTER, event.counterId().value(),
                Place.VAULT, NO_SERIES);
    }

    @EventHandler
    void on(DamagedNotesWithdrawn event) {
        String currency = currencyOfSeries(event.seriesId().value());
        if (event.counterId() == null) {
            move(currency, event.seriesId().value(), event.notes(), Place.VAULT, NO_SERIES, Place.WITHDRAWN, NO_SERIES);
        } else {
            move(currency, event.seriesId().value(), event.notes(), Place.COUNTER, event.counterId().value(),
                    Place.WITHDRAWN, NO_SERIES);
        }
    }

    @EventHandler
    void on(NotesDestroyed event) {
        String currency = currencyOfSeries(event.seriesId().value());
        move(currency, event.seriesId().value(), event.notes(), Place.WITHDRAWN, NO_SERIES, Place.DESTROYED, NO_SERIES);
    }

    @EventHandler
    void on(NeverReturnedNotesReleased event) {
        move(event.currency().value(), event.seriesId().value(), event.notes(), Place.CIRCULATION, NO_SERIES,
                Place.RELEASED, NO_SERIES);
    }

    @EventHandler
    void on(NotesReceived event) {
        String counter = event.counterId().value();
        String currency = currencyOfCounter(counter);
        add(currency, NO_SERIES, event.notes(), Place.PRINTED, NO_SERIES, 1);
        add(currency, NO_SERIES, event.notes(), Place.COUNTER, counter, 1);
    }

    @EventHandler
    void on(NotesSold event) {
        String counter = event.counterId().value();
        move(event.currency().value(), NO_SERIES, event.notes(), Place.COUNTER, counter, Place.CIRCULATION, NO_SERIES);
    }

    @EventHandler
    void on(NotesSoldFromSeries event) {
        String counter = event.counterId().value();
        String currency = currencyOfCounter(counter);
        for (SeriesNotes lot : event.lots()) {
            reclassify(currency, lot, counter, 1);
        }
    }

    @EventHandler
    void on(NotesTakenBack event) {
        String counter = event.counterId().value();
        move(currencyOfCounter(counter), NO_SERIES, event.notes(), Place.CIRCULATION, NO_SERIES, Place.COUNTER,
                counter);
    }

    @EventHandler
    void on(NotesTakenBackToSeries event) {
        String counter = event.counterId().value();
        reclassify(currencyOfCounter(counter), new SeriesNotes(event.seriesId(), event.notes()), counter, -1);
    }

    @EventHandler
    void on(ConversionCancelled event) {
        if (event.notes() != null) {
            String counter = event.counterId().value();
            move(event.currency().value(), NO_SERIES, event.notes(), Place.CIRCULATION, NO_SERIES, Place.COUNTER,
                    counter);
        }
    }

    @EventHandler
    void on(SeriesSaleCancelled event) {
        String counter = event.counterId().value();
        String currency = currencyOfCounter(counter);
        for (SeriesNotes lot : event.lots()) {
            reclassify(currency, lot, counter, -1);
        }
    }

    @EventHandler
    void on(ExpiredNotesExchanged event) {
        String counter = event.counterId().value();
        String currency = currencyOfCounter(counter);
        jdbc.update("INSERT INTO note_exchange_view (exchange_id, counter_id, series_id, notes, units_minor, "
                        + "exchanged_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.exchangeId().value(),
                counter, event.seriesId().value(), event.received().values().stream().mapToInt(Integer::intValue).sum(),
                event.unitsMinor(), Timestamp.from(event.at()));
        move(currency, event.seriesId().value(), event.received(), Place.CIRCULATION, NO_SERIES, Place.COUNTER,
                counter);
        for (SeriesNotes lot : event.given()) {
            String series = lot.seriesId() == null ? NO_SERIES : lot.seriesId().value();
            move(currency, series, lot.notes(), Place.COUNTER, counter, Place.CIRCULATION, NO_SERIES);
        }
    }

    /**
     * Notes of a series that a sale (sign 1) took out of the counter, booked first on the series '':
     * back at the counter there, in circulation under their series. A deposit or cancellation (−1) the reverse.
     */
    private void reclassify(String currency, SeriesNotes lot, String counter, int sign) {
        String series = lot.seriesId().value();
        if (sign > 0) {
            move(currency, NO_SERIES, lot.notes(), Place.CIRCULATION, NO_SERIES, Place.COUNTER, counter);
            move(currency, series, lot.notes(), Place.COUNTER, counter, Place.CIRCULATION, NO_SERIES);
        } else {
            move(currency, NO_SERIES, lot.notes(), Place.COUNTER, counter, Place.CIRCULATION, NO_SERIES);
            move(currency, series, lot.notes(), Place.CIRCULATION, NO_SERIES, Place.COUNTER, counter);
        }
    }

    private void move(String currency, String series, Map<Integer, Integer> notes, Place from, String fromCounter,
                      Place to, String toCounter) {
        add(currency, series, notes, from, fromCounter, -1);
        add(currency, series, notes, to, toCounter, 1);
    }

    private void add(String currency, String series, Map<Integer, Integer> notes, Place place, String counter,
                     int sign) {
        notes.forEach((denomination, count) -> jdbc.update("INSERT INTO note_inventory (currency, series_id, "
                        + "denomination, place, counter_id, notes) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (currency, series_id, denomination, place, counter_id) DO UPDATE "
                        + "SET notes = note_inventory.notes + EXCLUDED.notes", currency, series, denomination,
                place.name(), counter, (long) sign * count));
    }

    private String currencyOfSeries(String seriesId) {
        return jdbc.queryForObject("SELECT currency FROM note_series_view WHERE series_id = ?", String.class,
                seriesId);
    }

    private String currencyOfCounter(String counterId) {
        return jdbc.queryForObject("SELECT currency FROM note_counter WHERE counter_id = ?", String.class, counterId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE note_inventory");
        jdbc.update("TRUNCATE note_exchange_view");
        jdbc.update("TRUNCATE note_series_view");
        jdbc.update("TRUNCATE note_counter");
    }

    /** Where notes are. */
    enum Place {
        PRINTED, VAULT, COUNTER, CIRCULATION, WITHDRAWN, DESTROYED, RELEASED
    }
}
