package org.mlc.ledger.payment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.HoldId;

/** An amount is held on the payer's account for the payee; nothing moves in the books yet. */
@Revision("1")
public record PaymentAuthorized(
        HoldId holdId,
        AccountId from,
        AccountId to,
        CurrencyCode currency,
        long amountMinor,
        String reference,
        Instant expiresAt,
        Instant at) {
}
