package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * Euros received at a counter for units (EUR book: outside world to the counter's cash).
 * The units themselves are issued into the account by the account's own UnitsIssued event.
 */
@Revision("1")
public record EurosConverted(
        ConversionId conversionId,
        CounterId counterId,
        CurrencyCode currency,
        AccountId accountId,
        long eurosMinor,
        long unitsMinor,
        long bonusMinor,
        PaidBy paidBy,
        Payout payout,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("CONVERSION", conversionId().value(), counterId().value(), null);
    }
}
