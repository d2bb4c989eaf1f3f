package org.mlc.ledger.currency;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CurrencyCode;

/** The currency draws its bonus on this budget, after the budgets attached before it. */
@Revision("1")
public record BonusBudgetAttached(
        CurrencyCode currency,
        BudgetId budgetId,
        LocalDate from,
        LocalDate to,
        Instant at) {
}
