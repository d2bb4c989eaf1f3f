package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** What the agent counted differs from what the drawer should hold (EUR book: counter cash against counter discrepancy); negative when euros are missing. */
@Revision("1")
public record CashDiscrepancyRecorded(
        CounterId counterId,
        CurrencyCode currency,
        ClosingId closingId,
        Map<PaidBy, Long> discrepancyByMeans,
        long discrepancyMinor,
        Postings postings,
        Instant at) implements ValueMovement, Closings.Fact {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("DISCREPANCY", closingId().value(), counterId().value(), null);
    }
}
