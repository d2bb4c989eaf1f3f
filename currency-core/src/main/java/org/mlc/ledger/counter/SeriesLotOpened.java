package org.mlc.ledger.counter;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * The counter keeps notes of a series apart from now on, though none came from the vault: they
 * are brought back there (a deposit or an exchange). Without it the notes would join the notes of
 * no series and be sold as such, a series past its last day included.
 */
@Revision("1")
public record SeriesLotOpened(CounterId counterId, NoteSeriesId seriesId, String series, LocalDate validUntil,
                              Instant printedAt, Instant at) {
}
