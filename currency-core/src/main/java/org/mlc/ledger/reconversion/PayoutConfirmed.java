package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** The bank statement shows the transfer to the merchant (EUR: payouts due to the outside world). */
@Revision("1")
public record PayoutConfirmed(
        CurrencyCode currency,
        ReconversionId reconversionId,
        long eurosMinor,
        String bankReference,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("PAYOUT_CONFIRMED", reconversionId().value(), null, bankReference());
    }
}
