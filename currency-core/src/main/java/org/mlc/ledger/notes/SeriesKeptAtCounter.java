package org.mlc.ledger.notes;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Notes of the series were brought back to a counter that never received them from the vault:
 * the series counts that counter's stock from now on when it works out its notes in circulation.
 */
@Revision("1")
public record SeriesKeptAtCounter(NoteSeriesId seriesId, CounterId counterId, Instant at) {
}
