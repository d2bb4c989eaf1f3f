package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** A payment came back to its payer (MLC book: in-transit to payer). */
@Revision("1")
public record TransferReturned(
        TransferId transferId,
        AccountId from,
        long amountMinor,
        String reason,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("PAYMENT_RETURNED", transferId().value(), null, reason());
    }
}
