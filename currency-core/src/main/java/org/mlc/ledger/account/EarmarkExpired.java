package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.GrantId;

/**
 * A lot reached its expiry: its {@code unitsMinor} left the account for its programme. No
 * postings: the programme's {@code ExpiredUnitsReturned}, in the same unit of work, books them.
 */
@Revision("1")
public record EarmarkExpired(
        AccountId accountId,
        GrantId grantId,
        AidProgramId programId,
        long unitsMinor,
        Instant at) {
}
