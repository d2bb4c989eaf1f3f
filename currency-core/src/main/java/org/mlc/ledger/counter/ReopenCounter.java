package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;

/** Opens a new day at a closed counter. */
public record ReopenCounter(
        @TargetAggregateIdentifier CounterId counterId,
        Instant at) {
}
