package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** A payment left its payer and is in transit to its payee (MLC book: payer to in-transit). */
@Revision("1")
public record TransferDebited(
        TransferId transferId,
        AccountId from,
        AccountId to,
        CurrencyCode currency,
        long amountMinor,
        String reference,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("PAYMENT_OUT", transferId().value(), to().value(), reference());
    }
}
