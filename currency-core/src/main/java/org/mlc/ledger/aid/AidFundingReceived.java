package org.mlc.ledger.aid;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The programme's euros reached the guarantee fund and as many units are issued into the
 * programme, at parity (EUR: outside to guarantee fund; MLC: issuance to aid programme).
 */
@Revision("1")
public record AidFundingReceived(
        FundingId fundingId,
        AidProgramId programId,
        CurrencyCode currency,
        long eurosMinor,
        String bankReference,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("AID_FUNDING", fundingId().value(), programId().value(), bankReference());
    }
}
