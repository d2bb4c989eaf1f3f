package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies one day closing of a counter. */
public record ClosingId(String value) {

    public ClosingId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid ClosingId: '" + value + "'");
        }
    }

    @JsonCreator
    public static ClosingId of(String value) {
        return new ClosingId(value);
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
