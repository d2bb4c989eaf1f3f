package org.mlc.ledger.account;

import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;

/** What a registration answers: the participant and the account opened with it. */
public record Registration(ParticipantId participantId, AccountId accountId) {
}
