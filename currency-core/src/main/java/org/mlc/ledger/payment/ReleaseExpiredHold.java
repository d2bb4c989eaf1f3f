package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.HoldId;

/**
 * Releases a hold whose expiry has passed at {@code at}; sent by the expiry job, harmless when the
 * hold was captured, voided or released meanwhile, or has not expired yet.
 */
public record ReleaseExpiredHold(
        @TargetAggregateIdentifier AccountId from,
        HoldId holdId,
        Instant at) {
}
