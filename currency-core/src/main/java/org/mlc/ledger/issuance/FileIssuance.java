package org.mlc.ledger.issuance;

import java.time.Instant;
import java.util.List;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.common.ParticipantId;

/**
 * A funder (a collectivité, an employer) asks for units to be issued to its recipients against its
 * euros, at parity: nothing is issued until the euros are in the fund.
 */
public record FileIssuance(
        IssuanceId issuanceId,
        CurrencyCode currency,
        ParticipantId funder,
        AccountId funderAccount,
        String reference,
        List<IssuanceLine> lines,
        String by,
        Instant at) {
}
