package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

@Revision("1")
public record ParticipantRegistered(
        ParticipantId participantId,
        ParticipantKind kind,
        String name,
        CurrencyCode currency,
        AccountId accountId,
        String filiere,
        Instant registeredAt) {
}
