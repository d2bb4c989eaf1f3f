package org.mlc.ledger.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.common.RevalidationId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * Paper notes revalidated at a counter for the fonte period that ends on the eve of {@code dueOn}:
 * their holder paid {@code feeMinor} (the currency's rate of their face value, rounded up to the
 * cent) in euros into the drawer (EUR book: outside to the counter's cash). The units of the fee are
 * issued to the beneficiary's account in the same unit of work ({@code RevalidationFeeReceived}),
 * so backing and circulation grow alike. The notes stay with their holder; {@code seriesId} is
 * null when the agent did not name the series. {@code by}: who recorded it.
 */
@Revision("1")
public record NotesRevalidated(
        CounterId counterId,
        CurrencyCode currency,
        RevalidationId revalidationId,
        NoteSeriesId seriesId,
        Map<Integer, Integer> notes,
        long faceValueMinor,
        long feeMinor,
        PaidBy paidWith,
        LocalDate periodFrom,
        LocalDate dueOn,
        AccountId beneficiaryAccount,
        String by,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("NOTE_REVALIDATION", revalidationId().value(), counterId().value(), null);
    }
}
