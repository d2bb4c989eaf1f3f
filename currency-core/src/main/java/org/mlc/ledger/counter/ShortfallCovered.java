package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CoveringId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The association paid a counter's missing euros into the guarantee fund from its own money (EUR
 * book: counter discrepancy to guarantee fund); the fund records the inflow in the same unit of work.
 */
@Revision("1")
public record ShortfallCovered(
        CounterId counterId,
        CurrencyCode currency,
        CoveringId coveringId,
        long eurosMinor,
        String reference,
        String coveredBy,
        Postings postings,
        Instant at) implements ValueMovement, Closings.Fact {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("SHORTFALL_COVERING", coveringId().value(), counterId().value(), reference());
    }
}
