package org.mlc.ledger.application;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;

/** The association approves an application in a filière: the merchant is registered, approved. */
public record ApproveMerchantApplication(
        String applicationId,
        ParticipantId participantId,
        AccountId accountId,
        String filiere,
        String decidedBy,
        Instant at) {
}
