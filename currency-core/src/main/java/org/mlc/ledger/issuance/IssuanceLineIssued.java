package org.mlc.ledger.issuance;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * One line's units issued to its recipient against the issuance's euros in the fund (MLC: issuance
 * to the recipient's account). The account records them in the same unit of work
 * ({@code IssuanceUnitsReceived}, no postings).
 */
@Revision("1")
public record IssuanceLineIssued(
        IssuanceId issuanceId,
        CurrencyCode currency,
        String key,
        ParticipantId recipient,
        AccountId accountId,
        long unitsMinor,
        String label,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("ISSUANCE", issuanceId().value() + "/" + key(), "issuance " + issuanceId().value(),
                label());
    }
}
