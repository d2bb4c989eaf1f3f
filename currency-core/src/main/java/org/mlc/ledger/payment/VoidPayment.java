package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.HoldId;

/** Cancels a hold before it is captured: the whole amount is free again. */
public record VoidPayment(
        @TargetAggregateIdentifier AccountId from,
        HoldId holdId,
        Instant at) {
}
