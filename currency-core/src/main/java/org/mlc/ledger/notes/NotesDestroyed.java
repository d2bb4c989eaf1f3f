package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.NoteSeriesId;

/** Withdrawn notes of the series destroyed by {@code by} before {@code witness}, with the reason. */
@Revision("1")
public record NotesDestroyed(NoteSeriesId seriesId, Map<Integer, Integer> notes, String reason, String by,
                             String witness, Instant at) {
}
