package org.mlc.ledger.aid;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.FundingId;

/** The bank shows the funding's euros in the fund: the programme's units are issued. */
public record ConfirmAidFunding(
        @TargetAggregateIdentifier AidProgramId programId,
        FundingId fundingId,
        String bankReference,
        Instant at) {
}
