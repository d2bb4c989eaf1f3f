package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.Postings;

/** A payment came back to its payer (MLC book: in-transit to payer). */
@Revision("1")
public record TransferReturned(
        TransferId transferId,
        AccountId from,
        long amountMinor,
        String reason,
        Postings postings,
        Instant at) {
}
