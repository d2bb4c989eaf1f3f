package org.mlc.ledger.counter;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;

/**
 * Sells units for euros at a counter, credited to the buyer's account or handed over as notes;
 * {@code donateTo} is the association account the member chose for the donation share (or null).
 */
public record ConvertEuros(
        CounterId counterId,
        ConversionId conversionId,
        AccountId accountId,
        long eurosMinor,
        PaidBy paidBy,
        Payout payout,
        Instant at,
        AccountId donateTo) {

    public ConvertEuros(CounterId counterId, ConversionId conversionId, AccountId accountId, long eurosMinor,
                        PaidBy paidBy, Payout payout, Instant at) {
        this(counterId, conversionId, accountId, eurosMinor, paidBy, payout, at, null);
    }
}
