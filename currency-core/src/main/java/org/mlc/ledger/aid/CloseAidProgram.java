package org.mlc.ledger.aid;

import java.time.Instant;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.ReconversionId;

/**
 * Closes a programme: what it holds goes back to euros for the CCAS out of the guarantee fund, as
 * far as the fund holds them (as for a reconversion).
 */
public record CloseAidProgram(
        AidProgramId programId,
        ReconversionId reconversionId,
        Instant at) {
}
