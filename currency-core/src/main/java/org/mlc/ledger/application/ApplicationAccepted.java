package org.mlc.ledger.application;

import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;

/** The answer to an approval: the participant registered and its account (kept as an idempotent answer). */
public record ApplicationAccepted(ParticipantId participantId, AccountId accountId) {
}
