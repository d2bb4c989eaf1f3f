package org.mlc.ledger.application;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;

/** An agent (at the counter) or the administrator accepts a membership application: the member is registered. */
public record AcceptMembershipApplication(
        String applicationId,
        ParticipantId participantId,
        AccountId accountId,
        String decidedBy,
        Instant at) {
}
