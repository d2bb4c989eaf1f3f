package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/** A participant's commune (INSEE code) and EPCI (SIREN, null for none), at registration or later. */
@Revision("1")
public record ParticipantTerritorySet(
        ParticipantId participantId,
        CurrencyCode currency,
        String commune,
        String epci,
        Instant at) {
}
