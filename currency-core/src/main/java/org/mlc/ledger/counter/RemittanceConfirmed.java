package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** The bank shows the remittance on the fund's account (EUR book: counter cash to guarantee fund). */
@Revision("1")
public record RemittanceConfirmed(
        CounterId counterId,
        CurrencyCode currency,
        RemittanceId remittanceId,
        long eurosMinor,
        String bankReference,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("REMITTANCE", remittanceId().value(), counterId().value(), bankReference());
    }
}
