package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteExchangeId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Notes of an expired series brought to a counter and exchanged at par for valid notes from its
 * stock: {@code received} join the counter's stock of their series, {@code given} leave it. As
 * much paper is in circulation after as before, so nothing is booked ({@code unitsMinor} is the
 * face value of each side).
 */
@Revision("1")
public record ExpiredNotesExchanged(
        CounterId counterId,
        NoteExchangeId exchangeId,
        NoteSeriesId seriesId,
        Map<Integer, Integer> received,
        List<SeriesNotes> given,
        long unitsMinor,
        Instant at) {
}
