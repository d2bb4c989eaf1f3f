package org.mlc.ledger.participant;

import java.time.Instant;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * Gives a member number to a participant registered before there were numbers; a participant
 * that has one keeps it (the command answers it again). {@code currency} is the participant's: the
 * currency is loaded first, as a registration does.
 */
public record NumberParticipant(ParticipantId participantId, CurrencyCode currency, Instant at) {
}
