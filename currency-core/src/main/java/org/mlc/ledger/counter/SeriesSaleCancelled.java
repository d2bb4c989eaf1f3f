package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;

/**
 * The notes of a cancelled sale return to the stock of their series, recorded right after its
 * {@link ConversionCancelled} (which books them out of circulation).
 */
@Revision("1")
public record SeriesSaleCancelled(
        CounterId counterId,
        ConversionId conversionId,
        List<SeriesNotes> lots,
        Instant at) {
}
