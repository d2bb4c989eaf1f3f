package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Turns the donation share on (or off with 0): {@code basisPoints} of the euros of each
 * conversion are given in units, from the issuer's account, to an association the member chooses.
 */
public record SetDonationShare(
        @TargetAggregateIdentifier CurrencyCode code,
        AccountId issuerAccount,
        long basisPoints,
        Instant at) {
}
