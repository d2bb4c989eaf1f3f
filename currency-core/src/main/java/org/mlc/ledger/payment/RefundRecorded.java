package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;

/**
 * The payment {@code transferId} (recorded just before, as a {@link TransferDebited} of the same
 * account) refunds part of the payment {@code refundOf} this account received. No postings: the
 * money moves with the transfer; this records what is left to refund.
 */
@Revision("1")
public record RefundRecorded(
        AccountId accountId,
        TransferId transferId,
        TransferId refundOf,
        long amountMinor,
        Instant at) {
}
