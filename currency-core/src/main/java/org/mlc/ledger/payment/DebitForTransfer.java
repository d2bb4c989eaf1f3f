package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;

/** The first step of a payment: takes the amount from the payer into in-transit. */
public record DebitForTransfer(
        @TargetAggregateIdentifier AccountId from,
        TransferId transferId,
        AccountId to,
        long amountMinor,
        String reference,
        Instant at) {

    public static final int MAX_REFERENCE_LENGTH = 140;
}
