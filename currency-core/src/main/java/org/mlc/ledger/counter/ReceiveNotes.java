package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;

/** Adds paper notes, by denomination in units, to the counter's stock. */
public record ReceiveNotes(
        @TargetAggregateIdentifier CounterId counterId,
        Map<Integer, Integer> notes,
        Instant at) {
}
