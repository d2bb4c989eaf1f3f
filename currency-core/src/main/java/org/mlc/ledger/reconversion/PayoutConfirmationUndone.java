package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A payout's confirmation was undone (a wrong bank statement match) by {@code undoneBy} for
 * {@code reason}: the payout is ordered (paid) but not shown by the bank, its euros owed again
 * (EUR: outside to payouts due, the reverse of {@link PayoutConfirmed}).
 */
@Revision("1")
public record PayoutConfirmationUndone(
        CurrencyCode currency,
        ReconversionId reconversionId,
        long eurosMinor,
        String reason,
        String undoneBy,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("PAYOUT_CONFIRMATION_UNDONE", reconversionId().value(), null, reason());
    }
}
