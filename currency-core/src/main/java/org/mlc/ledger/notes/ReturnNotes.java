package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/** Brings notes of a series from a counter's stock back to the association's vault. */
public record ReturnNotes(NoteSeriesId seriesId, CounterId counterId, Map<Integer, Integer> notes, String by,
                          Instant at) {
}
