package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Identifies the code of a currency, e.g. BOUSOL; the Currency aggregate's id. */
public record CurrencyCode(String value) {

    public CurrencyCode {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid CurrencyCode: '" + value + "'");
        }
    }

    @JsonCreator
    public static CurrencyCode of(String value) {
        return new CurrencyCode(value);
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
