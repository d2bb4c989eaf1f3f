package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;

@Revision("1")
public record CounterDefined(
        CounterId counterId,
        String name,
        CurrencyCode currency,
        String host,
        Instant definedAt) {
}
