package org.mlc.ledger.participant;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ParticipantId;

/**
 * A participant pays its yearly membership fee (adhésion) at a counter, in euros or in units
 * (from {@code accountId}, the participant's account, named so it can be locked first). Units are
 * spent by their holder: {@code onBehalfReason} is null when the participant pays itself, and
 * says why when someone (an administrator) takes its units for it, which is then recorded.
 */
public record PayMembership(
        ParticipantId participantId,
        AccountId accountId,
        MembershipId membershipId,
        CounterId counterId,
        FeePaidWith paidWith,
        Instant at,
        String onBehalfReason) {

    public PayMembership(ParticipantId participantId, AccountId accountId, MembershipId membershipId,
                         CounterId counterId, FeePaidWith paidWith, Instant at) {
        this(participantId, accountId, membershipId, counterId, paidWith, at, null);
    }
}
