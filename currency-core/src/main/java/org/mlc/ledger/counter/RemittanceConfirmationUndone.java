package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A remittance's confirmation was undone (a wrong bank statement match), by {@code undoneBy} for
 * {@code reason}: the euros are the counter's again until the bank shows them (EUR book:
 * guarantee fund to counter cash, the reverse of {@link RemittanceConfirmed}); the remittance is
 * remitted, not confirmed.
 */
@Revision("1")
public record RemittanceConfirmationUndone(
        CounterId counterId,
        CurrencyCode currency,
        RemittanceId remittanceId,
        long eurosMinor,
        String reason,
        String undoneBy,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("REMITTANCE_UNDONE", remittanceId().value(), counterId().value(), reason());
    }
}
