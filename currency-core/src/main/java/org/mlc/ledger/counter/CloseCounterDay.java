package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CounterId;

/** Closes the day with what the agent counted per means; a means not counted is taken as expected (card and cheque totals come from the terminal and the bank). */
public record CloseCounterDay(
        @TargetAggregateIdentifier CounterId counterId,
        ClosingId closingId,
        Map<PaidBy, Long> countedMinor,
        Instant at) {
}
