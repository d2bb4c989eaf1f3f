package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.HoldId;

/** A hold ended without payment, {@code voided} by the payee or {@code expired}: the amount is free again. */
@Revision("1")
public record PaymentHoldReleased(
        HoldId holdId,
        AccountId from,
        long amountMinor,
        String reason,
        Instant at) {
}
