package org.mlc.ledger.issuance;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.IssuanceId;

/**
 * A line that could not be issued once the euros were in (its account frozen or closed since the
 * filing): nothing was issued for it; its euros stay in the fund, owed back to the funder.
 */
@Revision("1")
public record IssuanceLineRefused(
        IssuanceId issuanceId,
        String key,
        AccountId accountId,
        String code,
        Instant at) {
}
