package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;

/**
 * Which series the notes of a sale were taken from, recorded right after its {@link NotesSold}
 * (which moves the value and keeps its meaning: all the notes handed over). Notes of the sale not
 * listed here were of no series.
 */
@Revision("1")
public record NotesSoldFromSeries(
        CounterId counterId,
        ConversionId conversionId,
        List<SeriesNotes> lots,
        Instant at) {
}
