package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** A payment reached its payee (MLC book: in-transit to payee). */
@Revision("1")
public record TransferCredited(
        TransferId transferId,
        AccountId from,
        AccountId to,
        CurrencyCode currency,
        long amountMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("PAYMENT_IN", transferId().value(), from().value(), null);
    }
}
