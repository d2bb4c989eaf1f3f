package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.ParticipantId;

/** A decision of the issuer on a merchant's agrément: who decided it and why are kept in the event. */
public record ApproveMerchant(
        @TargetAggregateIdentifier ParticipantId participantId,
        String filiere, String decidedBy,
        String reason,
        Instant at) {
}
