package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.ParticipantId;

/** The merchant's public profile is taken off the public directory; its agrément is untouched. */
public record WithdrawMerchantProfile(
        @TargetAggregateIdentifier ParticipantId participantId,
        String withdrawnBy,
        Instant at) {
}
