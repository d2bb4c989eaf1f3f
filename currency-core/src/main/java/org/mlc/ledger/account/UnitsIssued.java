package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** Units issued into an account by a conversion at a counter (MLC book: issuance to account). */
@Revision("1")
public record UnitsIssued(
        AccountId accountId,
        CurrencyCode currency,
        ConversionId conversionId,
        CounterId counterId,
        long unitsMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("CONVERSION", conversionId().value(), "counter " + counterId().value(), null);
    }
}
