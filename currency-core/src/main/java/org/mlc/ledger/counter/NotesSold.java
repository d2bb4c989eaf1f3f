package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** Notes handed over for a conversion: they leave the stock and enter circulation (MLC book: issuance to paper in circulation). */
@Revision("1")
public record NotesSold(
        CounterId counterId,
        CurrencyCode currency,
        ConversionId conversionId,
        AccountId accountId,
        Map<Integer, Integer> notes,
        long unitsMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("NOTES_SOLD", conversionId().value(), counterId().value(), null);
    }
}
