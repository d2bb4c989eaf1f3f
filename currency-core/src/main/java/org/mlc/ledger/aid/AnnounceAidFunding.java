package org.mlc.ledger.aid;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.FundingId;

/** The CCAS pays {@code eurosMinor} into the guarantee fund for the programme (to be confirmed). */
public record AnnounceAidFunding(
        @TargetAggregateIdentifier AidProgramId programId,
        FundingId fundingId,
        long eurosMinor,
        String reference,
        Instant at) {
}
