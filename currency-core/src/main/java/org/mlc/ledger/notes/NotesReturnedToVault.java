package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/** Notes of the series came back from a counter's stock to the vault; not circulation. */
@Revision("1")
public record NotesReturnedToVault(NoteSeriesId seriesId, CounterId counterId, Map<Integer, Integer> notes,
                                   String by, Instant at) {
}
