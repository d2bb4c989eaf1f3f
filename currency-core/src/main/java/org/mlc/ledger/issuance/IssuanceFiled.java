package org.mlc.ledger.issuance;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.common.ParticipantId;

/**
 * A funder filed a direct issuance: it owes {@code eurosMinor} (the sum of the lines, at parity,
 * never a bonus). Nothing moves until the euros reach the fund ({@link IssuanceFundsReceived}).
 */
@Revision("1")
public record IssuanceFiled(
        IssuanceId issuanceId,
        CurrencyCode currency,
        ParticipantId funder,
        AccountId funderAccount,
        String reference,
        long eurosMinor,
        List<IssuanceLine> lines,
        String by,
        Instant at) {
}
