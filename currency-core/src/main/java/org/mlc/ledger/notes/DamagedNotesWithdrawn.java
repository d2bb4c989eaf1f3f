package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Damaged notes of the series taken out of use, from the vault ({@code counterId} null) or a
 * counter's stock. Not money: notes at the association or a counter are not in circulation (a
 * member's damaged note is deposited or exchanged first).
 */
@Revision("1")
public record DamagedNotesWithdrawn(NoteSeriesId seriesId, CounterId counterId, Map<Integer, Integer> notes,
                                    String reason, String by, Instant at) {
}
