package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.TransferId;

/**
 * A hold was captured: {@code capturedMinor} leaves as the payment {@code transferId} (its own
 * {@link TransferDebited} follows), {@code releasedMinor} of the hold is free again.
 */
@Revision("1")
public record PaymentCaptured(
        HoldId holdId,
        AccountId from,
        AccountId to,
        TransferId transferId,
        long capturedMinor,
        long releasedMinor,
        Instant at) {
}
