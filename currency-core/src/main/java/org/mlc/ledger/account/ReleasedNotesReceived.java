package org.mlc.ledger.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The units of the notes of a closed series that never came back, released to the association's
 * projects fund on {@code on} (MLC book: paper in circulation to the account; moved, not burnt).
 */
@Revision("1")
public record ReleasedNotesReceived(
        AccountId accountId,
        CurrencyCode currency,
        NoteSeriesId seriesId,
        LocalDate on,
        long unitsMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("NOTES_RELEASE", seriesId().value(), "series " + seriesId().value(), null);
    }
}
