package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;

/** Opens an exchange counter (comptoir de change) for one currency, optionally hosted by a merchant. */
public record DefineCounter(
        @TargetAggregateIdentifier CounterId counterId,
        String name,
        CurrencyCode currency,
        String host,
        Instant definedAt) {
}
