package org.mlc.ledger.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * A series of notes printed and put in the association's vault. Not money: a note is units only
 * once sold at a counter ({@code NotesSold}), so printing books nothing.
 */
@Revision("1")
public record NoteSeriesPrinted(
        NoteSeriesId seriesId,
        CurrencyCode currency,
        String series,
        Map<Integer, Integer> printed,
        LocalDate validUntil,
        Map<Integer, SerialRange> serials,
        String printedBy,
        Instant at) {
}
