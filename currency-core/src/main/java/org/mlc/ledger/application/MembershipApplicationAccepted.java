package org.mlc.ledger.application;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;

/** A membership application was accepted: who decided, and the member it became. */
@Revision("1")
public record MembershipApplicationAccepted(
        String applicationId,
        ParticipantId participantId,
        AccountId accountId,
        String decidedBy,
        Instant at) {
}
