package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Defines a local currency. The reconversion fee is in basis points (500 = 5 %); the membership
 * fee is yearly, in euro cents.
 */
public record DefineCurrency(
        @TargetAggregateIdentifier CurrencyCode code,
        String name,
        ConversionPolicy conversion,
        long reconversionFeeBasisPoints,
        long membershipFeeMinor,
        Instant definedAt) {
}
