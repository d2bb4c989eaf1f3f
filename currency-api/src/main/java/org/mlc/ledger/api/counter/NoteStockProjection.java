package org.mlc.ledger.api.counter;

import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.counter.ConversionCancelled;
import org.mlc.ledger.counter.ExpiredNotesExchanged;
import org.mlc.ledger.counter.SeriesNotesReceived;
import org.mlc.ledger.counter.SeriesNotesSentToVault;
import org.mlc.ledger.counter.NotesReceived;
import org.mlc.ledger.counter.NotesSold;
import org.mlc.ledger.counter.NotesTakenBack;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The paper notes each counter holds, by denomination: received from the issuer, sold, taken back. */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class NoteStockProjection {

    private final JdbcTemplate jdbc;

    public NoteStockProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NotesReceived event) {
        add(event.counterId().value(), event.notes(), 1);
    }

    @EventHandler
    void on(NotesSold event) {
        add(event.counterId().value(), event.notes(), -1);
    }

    @EventHandler
    void on(NotesTakenBack event) {
        add(event.counterId().value(), event.notes(), 1);
    }

    @EventHandler
    void on(SeriesNotesReceived event) {
        add(event.counterId().value(), event.notes(), 1);
    }

    @EventHandler
    void on(SeriesNotesSentToVault event) {
        add(event.counterId().value(), event.notes(), -1);
    }

    /** The notes of an ended series come in, as many valid ones go out. */
    @EventHandler
    void on(ExpiredNotesExchanged event) {
        add(event.counterId().value(), event.received(), 1);
        event.given().forEach(lot -> add(event.counterId().value(), lot.notes(), -1));
    }

    /** The notes of a cancelled conversion are back in the stock. */
    @EventHandler
    void on(ConversionCancelled event) {
        if (event.notes() != null) {
            add(event.counterId().value(), event.notes(), 1);
        }
    }

    private void add(String counterId, Map<Integer, Integer> notes, int sign) {
        notes.forEach((denomination, count) -> jdbc.update("INSERT INTO counter_note_stock (counter_id, denomination, "
                        + "notes) VALUES (?, ?, ?) ON CONFLICT (counter_id, denomination) DO UPDATE "
                        + "SET notes = counter_note_stock.notes + EXCLUDED.notes", counterId, denomination,
                (long) sign * count));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE counter_note_stock");
    }
}
