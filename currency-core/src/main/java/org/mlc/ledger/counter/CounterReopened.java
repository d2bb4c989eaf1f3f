package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;

/** The counter opens a new day after a closing. */
@Revision("1")
public record CounterReopened(
        CounterId counterId,
        Instant at) {
}
