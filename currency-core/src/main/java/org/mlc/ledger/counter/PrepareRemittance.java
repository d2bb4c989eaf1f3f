package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.RemittanceId;

/** Takes euros of one means from the drawer, to pay them into the fund. */
public record PrepareRemittance(
        @TargetAggregateIdentifier CounterId counterId,
        RemittanceId remittanceId,
        PaidBy means,
        long eurosMinor,
        Instant at) {
}
