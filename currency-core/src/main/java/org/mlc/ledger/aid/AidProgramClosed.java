package org.mlc.ledger.aid;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The programme closed: the units it still held are burnt (MLC: aid programme to issuance) and the
 * same euros leave the guarantee fund for the CCAS as payout {@code reconversionId}, without fee.
 * Units that come back later (grants expiring after the closing) are paid out by closing again.
 */
@Revision("1")
public record AidProgramClosed(
        ReconversionId reconversionId,
        AidProgramId programId,
        CurrencyCode currency,
        long unitsMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("AID_CLOSING", reconversionId().value(), programId().value(), null);
    }
}
