package org.mlc.ledger.counter;

import org.mlc.ledger.common.Reasons;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CorrectionId;
import org.mlc.ledger.common.CounterId;

/**
 * A recount of a closing, with its reason: the means recounted (others keep their count), the
 * difference booked as a discrepancy; the closing itself stays as it was.
 */
public record CorrectClosing(
        @TargetAggregateIdentifier CounterId counterId,
        ClosingId closingId,
        CorrectionId correctionId,
        Map<PaidBy, Long> countedMinor,
        String reason,
        String correctedBy,
        Instant at) {

    /** A reason longer than this is not a reason but a report. */
    public static final int MAX_REASON_LENGTH = Reasons.MAX_LENGTH;
}
