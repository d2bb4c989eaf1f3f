package org.mlc.ledger.aid;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.FundingId;

/**
 * The CCAS says it pays euros into the guarantee fund for a programme. Nothing moves until the
 * bank shows them ({@link AidFundingReceived}): no unit is issued against euros not yet there.
 */
@Revision("1")
public record AidFundingAnnounced(
        FundingId fundingId,
        AidProgramId programId,
        CurrencyCode currency,
        long eurosMinor,
        String reference,
        Instant at) {
}
