package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.RemittanceId;

/**
 * Confirms a remittance seen on the bank statement; the fund is credited, on its bank account
 * {@code fundAccount} (null: the first).
 */
public record ConfirmRemittance(
        @TargetAggregateIdentifier CounterId counterId,
        RemittanceId remittanceId,
        String bankReference,
        String fundAccount,
        Instant at) {

    /** Into the fund's first bank account. */
    public ConfirmRemittance(CounterId counterId, RemittanceId remittanceId, String bankReference, Instant at) {
        this(counterId, remittanceId, bankReference, null, at);
    }
}
