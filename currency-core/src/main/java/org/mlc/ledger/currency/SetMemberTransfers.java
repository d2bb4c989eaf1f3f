package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CurrencyCode;

/** Whether members may pay other members in this currency (allowed until a currency says otherwise). */
public record SetMemberTransfers(@TargetAggregateIdentifier CurrencyCode code, boolean allowed, Instant at) {
}
