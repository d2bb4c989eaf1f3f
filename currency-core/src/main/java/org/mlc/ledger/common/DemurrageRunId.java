package org.mlc.ledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifies the demurrage (fonte) run of one currency for one due date: {@code <currency>-<dueOn>}
 * (e.g. {@code BOUSOL-2027-01-01}). One id per period by construction, so a period is run once.
 */
public record DemurrageRunId(String value) {

    public DemurrageRunId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > Ids.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("invalid DemurrageRunId: '" + value + "'");
        }
    }

    public static DemurrageRunId of(CurrencyCode currency, LocalDate dueOn) {
        return new DemurrageRunId(currency.value() + "-" + dueOn);
    }

    @JsonCreator
    public static DemurrageRunId of(String value) {
        return new DemurrageRunId(value);
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
