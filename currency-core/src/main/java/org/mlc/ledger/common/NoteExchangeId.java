package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies an exchange at a counter of notes of an expired series for valid ones. */
public record NoteExchangeId(String value) {

    public NoteExchangeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid NoteExchangeId: '" + value + "'");
        }
    }

    @JsonCreator
    public static NoteExchangeId of(String value) {
        return new NoteExchangeId(value);
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
