package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies a remittance of counter cash to the guarantee fund. */
public record RemittanceId(String value) {

    public RemittanceId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid RemittanceId: '" + value + "'");
        }
    }

    @JsonCreator
    public static RemittanceId of(String value) {
        return new RemittanceId(value);
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
