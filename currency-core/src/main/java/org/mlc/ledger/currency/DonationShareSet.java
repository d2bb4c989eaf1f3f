package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;

/** The donation share of a currency's conversions, and the issuer account it is given from. */
@Revision("1")
public record DonationShareSet(
        CurrencyCode code,
        AccountId issuerAccount,
        long basisPoints,
        Instant at) {
}
