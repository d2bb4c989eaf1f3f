package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CorrectionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A closing recounted: the new counts of the means recounted, the difference to the previous count
 * (positive when more was found), booked like a closing's discrepancy (EUR book: counter cash
 * against counter discrepancy), with who recounted and why.
 */
@Revision("1")
public record ClosingCorrected(
        CounterId counterId,
        CurrencyCode currency,
        ClosingId closingId,
        CorrectionId correctionId,
        Map<PaidBy, Long> countedMinor,
        Map<PaidBy, Long> differenceMinor,
        long totalDifferenceMinor,
        String reason,
        String correctedBy,
        Postings postings,
        Instant at) implements ValueMovement, Closings.Fact {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("CLOSING_CORRECTION", correctionId().value(), counterId().value(), reason());
    }
}
