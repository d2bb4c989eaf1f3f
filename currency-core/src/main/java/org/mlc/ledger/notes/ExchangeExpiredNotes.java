package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteExchangeId;
import org.mlc.ledger.common.NoteSeriesId;

/** Exchanges at a counter notes of an expired series for valid notes of the same value. */
public record ExchangeExpiredNotes(CounterId counterId, NoteExchangeId exchangeId, NoteSeriesId seriesId,
                                   Map<Integer, Integer> notes, Instant at) {
}
