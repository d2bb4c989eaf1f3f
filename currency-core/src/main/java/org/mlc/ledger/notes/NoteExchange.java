package org.mlc.ledger.notes;

import java.util.List;
import org.mlc.ledger.counter.SeriesNotes;

/** The answer to an exchange: the valid notes handed over, by series, and their value. */
public record NoteExchange(String exchangeId, List<SeriesNotes> given, long unitsMinor) {
}
