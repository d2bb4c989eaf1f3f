package org.mlc.ledger.demurrage;

import org.mlc.ledger.common.AccountId;

/** What one account gave in a run (0: nothing, exempt or below the threshold). */
public record DemurrageCharge(AccountId accountId, long amountMinor) {
}
