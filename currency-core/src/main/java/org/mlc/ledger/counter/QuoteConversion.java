package org.mlc.ledger.counter;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;

/**
 * Asks what {@link ConvertEuros} with the same fields would give now, decided by the same code
 * on the same state, and records nothing: the answer is a {@link ConversionQuote}, a refusal the
 * very one the conversion would make.
 */
public record QuoteConversion(
        CounterId counterId,
        AccountId accountId,
        long eurosMinor,
        PaidBy paidBy,
        Payout payout,
        Instant at,
        AccountId donateTo) {
}
