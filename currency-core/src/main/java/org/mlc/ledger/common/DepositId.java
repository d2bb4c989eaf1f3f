package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies a deposit of paper notes into an account at a counter. */
public record DepositId(String value) {

    public DepositId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid DepositId: '" + value + "'");
        }
    }

    @JsonCreator
    public static DepositId of(String value) {
        return new DepositId(value);
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
