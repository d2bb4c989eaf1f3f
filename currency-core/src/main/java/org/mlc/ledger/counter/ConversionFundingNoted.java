package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;

/**
 * What a conversion drew from a sponsor budget and what the issuer gave to an association with it,
 * noted by the counter in the conversion's unit of work, just before its {@link EurosConverted}
 * (the draw and the donation are the budget's and the accounts' events), so that cancelling the conversion gives them back. Moves nothing; only recorded when
 * there is a bonus or a donation share. {@code budgetId} is null without a bonus, {@code donatedFrom}
 * and {@code donatedTo} are null without a donation.
 */
@Revision("1")
public record ConversionFundingNoted(
        CounterId counterId,
        ConversionId conversionId,
        BudgetId budgetId,
        long bonusMinor,
        AccountId donatedFrom,
        AccountId donatedTo,
        long donationMinor,
        Instant at) {
}
