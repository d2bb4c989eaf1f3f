package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CoveringId;

/**
 * The association pays euros of its own into the guarantee fund for a counter's shortfall, at most
 * what is not covered yet; {@code reference} is the bank's, if any.
 */
public record CoverShortfall(
        @TargetAggregateIdentifier CounterId counterId,
        CoveringId coveringId,
        long eurosMinor,
        String reference,
        String coveredBy,
        Instant at) {
}
