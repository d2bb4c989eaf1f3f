package org.mlc.ledger.issuance;

import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;

/**
 * One line of a direct issuance: {@code unitsMinor} for the recipient holding {@code accountId},
 * named in the file by {@code key} (unique in the issuance, the line's handle for resends).
 */
public record IssuanceLine(String key, ParticipantId recipient, AccountId accountId, long unitsMinor, String label) {
}
