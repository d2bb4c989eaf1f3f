package org.mlc.ledger.bank;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Imports the fund's bank statement: each line's reference is matched against the remittances
 * ({@code remittanceCounters}: remittance id to its counter) and the sponsor budgets of the
 * currency ({@code budgets}); the rest is reported, never accepted silently.
 */
public record ImportBankStatement(
        CurrencyCode currency,
        String statementId,
        List<StatementLine> lines,
        Map<String, CounterId> remittanceCounters,
        List<BudgetId> budgets,
        Instant at) {
}
