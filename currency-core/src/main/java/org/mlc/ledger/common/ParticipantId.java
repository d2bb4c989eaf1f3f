package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies a member, merchant, association, collectivité or CCAS. */
public record ParticipantId(String value) {

    public ParticipantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid ParticipantId: '" + value + "'");
        }
    }

    @JsonCreator
    public static ParticipantId of(String value) {
        return new ParticipantId(value);
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
