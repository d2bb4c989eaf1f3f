package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/** Sends notes of a series from the association's vault to a counter of its currency. */
public record DispatchNotes(NoteSeriesId seriesId, CounterId counterId, Map<Integer, Integer> notes, String by,
                            Instant at) {
}
