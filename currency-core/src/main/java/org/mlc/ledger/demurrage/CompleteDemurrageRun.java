package org.mlc.ledger.demurrage;

import java.time.Instant;
import org.mlc.ledger.common.DemurrageRunId;

/**
 * Records that every account of the run was asked: {@code accountsCharged} gave {@code totalMinor}
 * in all (the sum of the charges' answers, which repeat what an account gave before a resend).
 */
public record CompleteDemurrageRun(DemurrageRunId runId, int accountsCharged, long totalMinor, Instant at) {
}
