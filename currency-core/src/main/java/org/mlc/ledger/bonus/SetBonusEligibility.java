package org.mlc.ledger.bonus;

import java.time.Instant;
import java.util.Set;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Who may get a currency's bonus: the participant kinds named (by default, before any is set,
 * members only). Others convert at parity. Recorded on the currency ({@code BonusEligibilitySet}).
 */
public record SetBonusEligibility(CurrencyCode currency, Set<ParticipantKind> kinds, Instant at) {
}
