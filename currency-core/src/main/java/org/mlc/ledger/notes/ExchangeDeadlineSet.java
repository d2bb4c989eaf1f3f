package org.mlc.ledger.notes;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.NoteSeriesId;

/** After {@code deadline} the notes of the series are refused (series-expired). */
@Revision("1")
public record ExchangeDeadlineSet(NoteSeriesId seriesId, LocalDate deadline, String by, Instant at) {
}
