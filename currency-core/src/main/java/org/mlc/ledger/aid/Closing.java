package org.mlc.ledger.aid;

import org.mlc.ledger.common.AidProgramId;

/** What a closing answers: the units burnt, as many euros paid out to the CCAS. */
public record Closing(AidProgramId programId, long unitsMinor) {
}

