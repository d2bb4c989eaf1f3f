package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;

/** The payee could not be paid (frozen, closed...); the amount must go back to the payer. */
@Revision("1")
public record TransferCreditRefused(
        TransferId transferId,
        AccountId from,
        AccountId to,
        long amountMinor,
        String reason,
        Instant at) {
}
