package org.mlc.ledger.issuance;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The issuance's euros reached the guarantee fund (EUR: outside to guarantee fund). Its units are
 * issued next, line by line ({@link IssuanceLineIssued}): until then the fund holds more than
 * circulates, never less.
 */
@Revision("1")
public record IssuanceFundsReceived(
        IssuanceId issuanceId,
        CurrencyCode currency,
        long eurosMinor,
        String bankReference,
        String by,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("ISSUANCE_FUNDING", issuanceId().value(), "issuance " + issuanceId().value(),
                bankReference());
    }
}
