package org.mlc.ledger.notes;

import java.time.Instant;
import java.time.LocalDate;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * After a series' exchange deadline, releases the units of its notes still in circulation to the
 * association's projects fund ({@code beneficiary}, an account of an ASSOCIATION) on {@code on}.
 */
public record ReleaseNeverReturnedNotes(NoteSeriesId seriesId, AccountId beneficiary, LocalDate on, String by,
                                        Instant at) {
}
