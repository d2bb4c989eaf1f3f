package org.mlc.ledger.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * The notes of a closed series that never came back, by denomination, no longer counted in
 * circulation: their units went to {@code beneficiary} on {@code on} (the account's
 * {@code ReleasedNotesReceived} books them, paper in circulation to the account). Once per series.
 */
@Revision("1")
public record NeverReturnedNotesReleased(NoteSeriesId seriesId, CurrencyCode currency, AccountId beneficiary,
                                         LocalDate on, Map<Integer, Integer> notes, long unitsMinor, String by,
                                         Instant at) {
}
