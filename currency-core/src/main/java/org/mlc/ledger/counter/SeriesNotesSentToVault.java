package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Notes of a series leaving the counter's stock for the association: returned to the vault, or
 * withdrawn as damaged ({@code damaged}, with its {@code reason}). Not money: they were not in
 * circulation.
 */
@Revision("1")
public record SeriesNotesSentToVault(
        CounterId counterId,
        NoteSeriesId seriesId,
        Map<Integer, Integer> notes,
        boolean damaged,
        String reason,
        Instant at) {
}
