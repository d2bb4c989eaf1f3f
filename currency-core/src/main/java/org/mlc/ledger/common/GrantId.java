package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies one grant of an aid programme to a beneficiary (the earmarked lot it creates). */
public record GrantId(String value) {

    public GrantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid GrantId: '" + value + "'");
        }
    }

    @JsonCreator
    public static GrantId of(String value) {
        return new GrantId(value);
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
