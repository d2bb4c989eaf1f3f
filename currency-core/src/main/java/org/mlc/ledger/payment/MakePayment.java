package org.mlc.ledger.payment;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;

/**
 * A payment from one account to another under the currency's rules of who may pay whom (see
 * {@link PaymentHandler}), in the currency both accounts must be in. {@code refundOf} names the payment a merchant refunds (null otherwise).
 */
public record MakePayment(
        CurrencyCode currency,
        TransferId transferId,
        AccountId from,
        AccountId to,
        long amountMinor,
        String reference,
        TransferId refundOf,
        Instant at) {
}
