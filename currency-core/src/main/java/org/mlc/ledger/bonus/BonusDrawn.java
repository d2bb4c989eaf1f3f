package org.mlc.ledger.bonus;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;

/**
 * Bonus units of one conversion funded by this budget. It moves no euros: the sponsor's committed
 * euros back the bonus units until the sponsor pays them into the fund. {@code month} is the
 * calendar month (yyyy-MM, French time) the member's cap counts in.
 */
@Revision("1")
public record BonusDrawn(
        BudgetId budgetId,
        ConversionId conversionId,
        AccountId accountId,
        String month,
        long bonusMinor,
        Instant at) {
}
