package org.mlc.ledger.aid;

import java.time.Instant;
import java.time.LocalDate;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ParticipantId;

/**
 * Grants {@code unitsMinor} of a programme to a member ({@code accountId}: its account in the
 * programme's currency), earmarked to the programme's filières until {@code expiresOn} (null: the
 * programme's validity from the day of {@code at}). The same grant id twice grants once.
 */
public record GrantAid(
        AidProgramId programId,
        GrantId grantId,
        ParticipantId beneficiary,
        AccountId accountId,
        long unitsMinor,
        LocalDate expiresOn,
        Instant at) {
}
