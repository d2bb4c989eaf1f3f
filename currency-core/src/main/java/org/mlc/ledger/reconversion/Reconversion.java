package org.mlc.ledger.reconversion;

import org.mlc.ledger.common.ReconversionId;

/** What a reconversion answers: the units taken, the fee kept, the euros paid out. */
public record Reconversion(ReconversionId reconversionId, long unitsMinor, long feeMinor, long eurosMinor) {
}

