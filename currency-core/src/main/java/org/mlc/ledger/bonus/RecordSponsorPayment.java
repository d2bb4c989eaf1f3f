package org.mlc.ledger.bonus;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.BudgetId;

/** The sponsor's euros arrived in the fund's bank account (seen on a bank statement). */
public record RecordSponsorPayment(
        @TargetAggregateIdentifier BudgetId budgetId,
        long eurosMinor,
        String reference,
        Instant at) {
}
