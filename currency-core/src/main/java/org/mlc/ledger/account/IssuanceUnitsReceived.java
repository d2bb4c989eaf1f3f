package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.IssuanceId;

/**
 * The account received a line of a direct issuance. No postings: the units' move is booked by the
 * issuance's {@code IssuanceLineIssued}, recorded in the same unit of work.
 */
@Revision("1")
public record IssuanceUnitsReceived(
        AccountId accountId,
        IssuanceId issuanceId,
        String key,
        long unitsMinor,
        Instant at) {
}
