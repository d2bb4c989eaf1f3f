package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** The euros of a reconversion leave the guarantee fund, owed to the merchant (EUR: fund to payouts due). */
@Revision("1")
public record PayoutRequested(
        CurrencyCode currency,
        ReconversionId reconversionId,
        AccountId accountId,
        long eurosMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("PAYOUT", reconversionId().value(), accountId().value(), null);
    }
}
