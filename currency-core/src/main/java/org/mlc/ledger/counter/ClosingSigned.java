package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CounterId;

/**
 * Who closed a counter's day and the period its Z report covers: from the previous closing (or
 * the counter's definition) to this one. Recorded right after {@link CounterDayClosed}, which
 * stays as closings before it were stored: those never knew their closer, and an upcaster could
 * only invent one.
 */
@Revision("1")
public record ClosingSigned(
        CounterId counterId,
        ClosingId closingId,
        Instant periodFrom,
        Instant periodTo,
        String closedBy,
        Instant at) {
}
