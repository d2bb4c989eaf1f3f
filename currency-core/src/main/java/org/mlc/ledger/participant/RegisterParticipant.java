package org.mlc.ledger.participant;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * Registers a participant and opens its account in one currency, in one step; {@code commune}
 * (INSEE code) and {@code epci} (SIREN) say where it is, null when not given.
 */
public record RegisterParticipant(
        ParticipantId participantId,
        ParticipantKind kind,
        String name,
        CurrencyCode currency,
        AccountId accountId,
        String filiere,
        Instant registeredAt,
        String commune,
        String epci) {

    /** A registration that does not say where the participant is. */
    public RegisterParticipant(ParticipantId participantId, ParticipantKind kind, String name, CurrencyCode currency,
                               AccountId accountId, String filiere, Instant registeredAt) {
        this(participantId, kind, name, currency, accountId, filiere, registeredAt, null, null);
    }
}
