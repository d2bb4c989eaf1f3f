package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Identifies a printed series of paper notes of one currency: {@code <currency>-<series>} (e.g.
 * {@code BOUSOL-2026-A}): a series name is unique in its currency by construction, and as a currency
 * code has no dash the first dash tells the two apart.
 */
public record NoteSeriesId(String value) {

    public NoteSeriesId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid NoteSeriesId: '" + value + "'");
        }
    }

    /** The id of series {@code series} (already upper-cased and checked) of {@code currency}. */
    public static NoteSeriesId of(CurrencyCode currency, String series) {
        return new NoteSeriesId(currency.value() + "-" + series);
    }

    @JsonCreator
    public static NoteSeriesId of(String value) {
        return new NoteSeriesId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
