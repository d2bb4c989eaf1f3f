package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies one correction of a counter closing (a recount with a reason). */
public record CorrectionId(String value) {

    public CorrectionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid CorrectionId: '" + value + "'");
        }
    }

    @JsonCreator
    public static CorrectionId of(String value) {
        return new CorrectionId(value);
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
