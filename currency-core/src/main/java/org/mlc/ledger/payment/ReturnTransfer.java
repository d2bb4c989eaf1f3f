package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;

/** Compensation of a payment whose credit failed: in-transit back to the payer. */
public record ReturnTransfer(
        @TargetAggregateIdentifier AccountId from,
        TransferId transferId,
        long amountMinor,
        String reason,
        Instant at) {
}
