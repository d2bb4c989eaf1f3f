package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** The issuer gives the donation share of a conversion (MLC book: issuer account to in transit). */
@Revision("1")
public record DonationGiven(
        AccountId accountId,
        CurrencyCode currency,
        ConversionId conversionId,
        AccountId to,
        long amountMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("DONATION_OUT", conversionId().value(), to().value(), null);
    }
}
