package org.mlc.ledger.payment;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.TransferId;

/**
 * The second phase: pays {@code amountMinor} (at most what is held) of a hold to its payee as the
 * payment {@code transferId}; what is held beyond it is released. {@code to} must be the hold's
 * payee: both accounts are named so the handler can lock them in the order of their ids.
 */
public record CapturePayment(
        HoldId holdId,
        AccountId from,
        AccountId to,
        TransferId transferId,
        long amountMinor,
        Instant at) {
}
