package org.mlc.ledger.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Records a series of notes printed for a currency, by denomination in units; they are in the
 * association's vault. {@code validUntil} (its last day) and {@code serials} are optional.
 */
public record PrintNoteSeries(
        CurrencyCode currency,
        String series,
        Map<Integer, Integer> printed,
        LocalDate validUntil,
        Map<Integer, SerialRange> serials,
        String by,
        Instant at) {
}
