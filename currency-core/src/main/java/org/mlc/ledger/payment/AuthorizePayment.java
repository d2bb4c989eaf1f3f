package org.mlc.ledger.payment;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.HoldId;

/**
 * The first phase of a two-phase payment: holds {@code amountMinor} on the payer's account for the
 * payee until {@code expiresAt}, under the same rules of who may pay whom as a payment.
 */
public record AuthorizePayment(
        CurrencyCode currency,
        HoldId holdId,
        AccountId from,
        AccountId to,
        long amountMinor,
        String reference,
        Instant expiresAt,
        Instant at) {
}
