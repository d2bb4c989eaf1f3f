package org.mlc.ledger.bonus;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;

/**
 * The bonus of a cancelled conversion back in the budget that funded it: the budget can fund it
 * again and, within {@code month} (the month of the draw, yyyy-MM, French time), the member can
 * draw it again under the cap. Moves no euros, as {@link BonusDrawn}.
 */
@Revision("1")
public record BonusReturned(
        BudgetId budgetId,
        ConversionId conversionId,
        AccountId accountId,
        String month,
        long bonusMinor,
        Instant at) {
}
