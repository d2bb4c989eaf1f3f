package org.mlc.ledger.demurrage;

import java.time.LocalDate;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;

/**
 * Where a run stands: started (its accounts being charged, or interrupted) or completed with its
 * figures; {@code startedBefore} when the command found the run rather than started it.
 */
public record DemurrageRunState(DemurrageRunId runId, CurrencyCode currency, LocalDate dueOn, LocalDate periodFrom,
                                AccountId beneficiaryAccount, boolean completed, int accountsCharged,
                                long totalMinor, boolean startedBefore) {
}
