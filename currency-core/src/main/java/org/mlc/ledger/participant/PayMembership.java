package org.mlc.ledger.participant;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ParticipantId;

/**
 * A participant pays its yearly membership fee (adhésion) at a counter, in euros or in units
 * (from {@code accountId}, the participant's account, named so it can be locked first).
 */
public record PayMembership(
        ParticipantId participantId,
        AccountId accountId,
        MembershipId membershipId,
        CounterId counterId,
        FeePaidWith paidWith,
        Instant at) {
}
