package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * An association gives back the donation share of a cancelled conversion to the issuer that gave it
 * (MLC book: its account to in transit; the issuer's {@link DonationReturnReceived} follows in the
 * same unit of work).
 */
@Revision("1")
public record DonationReturned(
        AccountId accountId,
        CurrencyCode currency,
        ConversionId conversionId,
        AccountId to,
        long amountMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("DONATION_RETURNED", conversionId().value(), to().value(), null);
    }
}
