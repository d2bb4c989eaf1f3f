package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CurrencyCode;

/** A filière of the currency's own, besides the usual ones ({@code Filieres.STANDARD}). */
public record AddFiliere(@TargetAggregateIdentifier CurrencyCode code, String filiere, Instant at) {
}
