package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ParticipantId;

/**
 * Units were taken from a participant's account for its membership by someone acting for it
 * (an administrator: who, in the event's metadata), and why. Units are spent by their holder;
 * this is the recorded exception. No postings: the account's own event moves the fee.
 */
@Revision("1")
public record MembershipPaidOnBehalf(
        ParticipantId participantId,
        MembershipId membershipId,
        AccountId accountId,
        long feeMinor,
        String reason,
        Instant at) {
}
