package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.RemittanceId;

/** Confirms a remittance seen on the bank statement; the fund is credited. */
public record ConfirmRemittance(
        @TargetAggregateIdentifier CounterId counterId,
        RemittanceId remittanceId,
        String bankReference,
        Instant at) {
}
