package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;

/** The reason is kept in the event, so that every change of status says why. */
public record CloseAccount(@TargetAggregateIdentifier AccountId accountId, String reason, Instant at) {
}
