package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.RemittanceId;

/** Records that a prepared remittance was handed to the bank. */
public record DepositRemittance(
        @TargetAggregateIdentifier CounterId counterId,
        RemittanceId remittanceId,
        Instant at) {
}
