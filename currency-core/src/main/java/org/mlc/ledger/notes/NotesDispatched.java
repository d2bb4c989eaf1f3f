package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/** Notes of the series left the vault for a counter (which records SeriesNotesReceived); not circulation. */
@Revision("1")
public record NotesDispatched(NoteSeriesId seriesId, CounterId counterId, Map<Integer, Integer> notes, String by,
                              Instant at) {
}
