package org.mlc.ledger.participant;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/** Registers a participant and opens its account in one currency, in one step. */
public record RegisterParticipant(
        ParticipantId participantId,
        ParticipantKind kind,
        String name,
        CurrencyCode currency,
        AccountId accountId,
        String filiere,
        Instant registeredAt) {
}
