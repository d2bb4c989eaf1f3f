package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CounterId;

/** The day of a counter closed: its Z report, expected against counted per means of payment. */
@Revision("1")
public record CounterDayClosed(
        CounterId counterId,
        ClosingId closingId,
        DayReport report,
        Instant at) {
}
