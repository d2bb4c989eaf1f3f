package org.mlc.ledger.application;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;

/** The association approved the application: who decided, and the merchant it became. */
@Revision("1")
public record MerchantApplicationApproved(
        String applicationId,
        ParticipantId participantId,
        AccountId accountId,
        String filiere,
        String decidedBy,
        Instant at) {
}
