package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ParticipantId;

@Revision("1")
public record MerchantApprovalWithdrawn(
        ParticipantId participantId,
        String decidedBy,
        String reason,
        Instant at) {
}
