package org.mlc.ledger.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Notes of a series dispatched from the association's vault into the counter's stock (not money
 * until sold: neither the vault nor a counter is circulation). The series' name, last day of
 * validity and printing time travel with them so that the counter sells the oldest valid series
 * first without asking the series.
 */
@Revision("1")
public record SeriesNotesReceived(
        CounterId counterId,
        NoteSeriesId seriesId,
        String series,
        LocalDate validUntil,
        Instant printedAt,
        Map<Integer, Integer> notes,
        Instant at) {
}
