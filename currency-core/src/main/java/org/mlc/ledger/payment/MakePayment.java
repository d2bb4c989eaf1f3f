package org.mlc.ledger.payment;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;

/**
 * A payment from one account to another under the currency's rules of who may pay whom, in the
 * currency both accounts must be in: the one way value moves between two accounts (a refund names
 * the payment it gives back in {@code refundOf}, null otherwise; a line of a bulk upload says
 * {@code inBatch}, and only a collectivité pays in bulk).
 */
public record MakePayment(
        CurrencyCode currency,
        TransferId transferId,
        AccountId from,
        AccountId to,
        long amountMinor,
        String reference,
        TransferId refundOf,
        boolean inBatch,
        Instant at) {

    public static final int MAX_REFERENCE_LENGTH = 140;

    /** A payment made one at a time (not a line of a bulk upload). */
    public MakePayment(CurrencyCode currency, TransferId transferId, AccountId from, AccountId to, long amountMinor,
                       String reference, TransferId refundOf, Instant at) {
        this(currency, transferId, from, to, amountMinor, reference, refundOf, false, at);
    }
}
