package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies one direct issuance: a funder's euros issued as units to its recipients. */
public record IssuanceId(String value) {

    public IssuanceId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid IssuanceId: '" + value + "'");
        }
    }

    @JsonCreator
    public static IssuanceId of(String value) {
        return new IssuanceId(value);
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
