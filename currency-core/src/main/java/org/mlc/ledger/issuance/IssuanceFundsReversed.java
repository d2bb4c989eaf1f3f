package org.mlc.ledger.issuance;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A confirmation of an issuance's euros undone (a wrong bank statement match), before any of its
 * units was issued: the euros leave the fund (EUR: guarantee fund to outside), the issuance awaits
 * its funds again.
 */
@Revision("1")
public record IssuanceFundsReversed(
        IssuanceId issuanceId,
        CurrencyCode currency,
        long eurosMinor,
        String reason,
        String by,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("ISSUANCE_FUNDING_REVERSED", issuanceId().value(), "issuance " + issuanceId().value(),
                reason());
    }
}
