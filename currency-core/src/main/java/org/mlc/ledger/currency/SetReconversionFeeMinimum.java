package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CurrencyCode;

/** The least fee of one reconversion, in units (0: none), on top of the percentage. */
public record SetReconversionFeeMinimum(@TargetAggregateIdentifier CurrencyCode code, long minimumFeeMinor,
                                        Instant at) {
}
