package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;

/** The second step of a payment: brings the amount from in-transit to the payee. */
public record CreditTransfer(
        @TargetAggregateIdentifier AccountId to,
        TransferId transferId,
        AccountId from,
        CurrencyCode currency,
        long amountMinor,
        Instant at) {
}
