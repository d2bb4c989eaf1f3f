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

/**
 * The units of a cancelled conversion taken back from the account they were issued into (MLC book:
 * account back to issuance, the reverse of {@link UnitsIssued}); {@code reason} is the cancellation's.
 */
@Revision("1")
public record IssuedUnitsTakenBack(
        AccountId accountId,
        CurrencyCode currency,
        ConversionId conversionId,
        CounterId counterId,
        long unitsMinor,
        String reason,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("CONVERSION_CANCELLED", conversionId().value(), "counter " + counterId().value(),
                reason());
    }
}
