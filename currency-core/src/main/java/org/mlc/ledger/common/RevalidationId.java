package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies a revalidation of paper notes at a counter (their fonte stamps). */
public record RevalidationId(String value) {

    public RevalidationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid RevalidationId: '" + value + "'");
        }
    }

    @JsonCreator
    public static RevalidationId of(String value) {
        return new RevalidationId(value);
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
