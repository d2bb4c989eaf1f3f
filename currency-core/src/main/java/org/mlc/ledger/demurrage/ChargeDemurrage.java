package org.mlc.ledger.demurrage;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DemurrageRunId;

/** Takes one account's fonte of a started run (nothing more when it gave already), to the beneficiary. */
public record ChargeDemurrage(DemurrageRunId runId, AccountId accountId, Instant at) {
}
