package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.ParticipantId;

/** Sets where a participant is: its commune (INSEE code) and its EPCI (SIREN, null for none). */
public record SetParticipantTerritory(
        @TargetAggregateIdentifier ParticipantId participantId,
        String commune,
        String epci,
        Instant at) {
}
