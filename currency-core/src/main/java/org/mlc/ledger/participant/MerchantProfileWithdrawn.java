package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ParticipantId;

/** The merchant's public profile was taken off the public directory. */
@Revision("1")
public record MerchantProfileWithdrawn(
        ParticipantId participantId,
        String withdrawnBy,
        Instant at) {
}
