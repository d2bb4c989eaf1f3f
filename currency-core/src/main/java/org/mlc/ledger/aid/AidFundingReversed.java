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
 * An aid funding confirmed by mistake (a wrong bank statement match) is reversed by
 * {@code reversedBy} for {@code reason}: the funding is announced again, its euros leave the fund
 * and its units leave the programme (EUR: guarantee fund to outside; MLC: aid programme to
 * issuance, the reverse of {@link AidFundingReceived}).
 */
@Revision("1")
public record AidFundingReversed(
        FundingId fundingId,
        AidProgramId programId,
        CurrencyCode currency,
        long eurosMinor,
        String reason,
        String reversedBy,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("AID_FUNDING_REVERSED", fundingId().value(), programId().value(), reason());
    }
}
