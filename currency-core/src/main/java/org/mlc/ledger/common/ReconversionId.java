package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies one reconversion of units back to euros, and its payout. */
public record ReconversionId(String value) {

    public ReconversionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid ReconversionId: '" + value + "'");
        }
    }

    @JsonCreator
    public static ReconversionId of(String value) {
        return new ReconversionId(value);
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
