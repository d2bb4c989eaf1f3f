package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CounterId;

/**
 * Closes the day with what the agent counted per means: every means that moved since the last
 * closing must be counted (card and cheque totals from the terminal and the bank); {@code closedBy}
 * is the user who closes, named in the Z report.
 */
public record CloseCounterDay(
        @TargetAggregateIdentifier CounterId counterId,
        ClosingId closingId,
        Map<PaidBy, Long> countedMinor,
        Instant at,
        String closedBy) {

    /** A closing by nobody named (tests and tools that have no user). */
    public CloseCounterDay(CounterId counterId, ClosingId closingId, Map<PaidBy, Long> countedMinor, Instant at) {
        this(counterId, closingId, countedMinor, at, null);
    }
}
