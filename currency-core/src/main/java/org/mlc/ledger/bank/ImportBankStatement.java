package org.mlc.ledger.bank;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.IssuanceId;

/**
 * Imports a statement of the fund's bank account {@code fundAccount} (null: the first, or only,
 * one): each line's reference is matched against the remittances
 * ({@code remittanceCounters}: remittance id to its counter) and the sponsor budgets of the
 * currency ({@code budgets}) and the announced fundings of aid programmes ({@code aidFundings}:
 * funding id to its programme) and the direct issuances awaiting their euros
 * ({@code issuances}, whose id is the reference); the rest is reported, never accepted silently.
 */
public record ImportBankStatement(
        CurrencyCode currency,
        String statementId,
        List<StatementLine> lines,
        Map<String, CounterId> remittanceCounters,
        List<BudgetId> budgets,
        Map<String, AidProgramId> aidFundings,
        String fundAccount,
        List<IssuanceId> issuances,
        Instant at) {

    /** A statement longer than this is split by the bank's export anyway. */
    public static final int MAX_LINES = 10_000;

    /** A statement matched against all but the direct issuances. */
    public ImportBankStatement(CurrencyCode currency, String statementId, List<StatementLine> lines,
                               Map<String, CounterId> remittanceCounters, List<BudgetId> budgets,
                               Map<String, AidProgramId> aidFundings, String fundAccount, Instant at) {
        this(currency, statementId, lines, remittanceCounters, budgets, aidFundings, fundAccount, List.of(), at);
    }

    /** A statement of the fund's first bank account. */
    public ImportBankStatement(CurrencyCode currency, String statementId, List<StatementLine> lines,
                               Map<String, CounterId> remittanceCounters, List<BudgetId> budgets,
                               Map<String, AidProgramId> aidFundings, Instant at) {
        this(currency, statementId, lines, remittanceCounters, budgets, aidFundings, null, List.of(), at);
    }

    /** A statement matched against remittances and sponsor budgets only. */
    public ImportBankStatement(CurrencyCode currency, String statementId, List<StatementLine> lines,
                               Map<String, CounterId> remittanceCounters, List<BudgetId> budgets, Instant at) {
        this(currency, statementId, lines, remittanceCounters, budgets, Map.of(), null, List.of(), at);
    }
}
