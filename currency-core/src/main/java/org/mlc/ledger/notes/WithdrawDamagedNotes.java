package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Takes damaged notes of a series out of use, from the vault or from a counter's stock
 * ({@code counterId}, null for the vault), with the reason; they wait for their destruction.
 */
public record WithdrawDamagedNotes(NoteSeriesId seriesId, CounterId counterId, Map<Integer, Integer> notes,
                                   String reason, String by, Instant at) {
}
