package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/** The issuer approved the merchant in a filière (also a change of filière, or a reinstatement). */
@Revision("1")
public record MerchantApproved(
        ParticipantId participantId,
        CurrencyCode currency,
        String filiere,
        String decidedBy,
        String reason,
        Instant at) {
}
