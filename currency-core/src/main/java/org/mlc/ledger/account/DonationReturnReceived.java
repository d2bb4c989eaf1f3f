package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** The issuer gets back the donation share of a cancelled conversion (MLC book: in transit to its account). */
@Revision("1")
public record DonationReturnReceived(
        AccountId accountId,
        CurrencyCode currency,
        ConversionId conversionId,
        AccountId from,
        long amountMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("DONATION_RETURN_RECEIVED", conversionId().value(), from().value(), null);
    }
}
