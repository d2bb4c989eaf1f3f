package org.mlc.ledger.api.bonus;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.mlc.ledger.api.counter.BonusBudgetQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.ledger.Coverage;
import org.mlc.ledger.money.Amounts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a sponsor's bonus budget achieved: committed, drawn, paid in, still receivable, the
 * conversions it topped up, the members it reached, the euros they converted, and the leverage
 * (euros converted for each euro of bonus), by month. The association and the auditors see every
 * budget; a collectivité its own.
 */
@RestController
public class BonusBudgetReportController {

    private final BonusBudgetQueries budgets;
    private final BonusDrawQueries draws;

    public BonusBudgetReportController(BonusBudgetQueries budgets, BonusDrawQueries draws) {
        this.budgets = budgets;
        this.draws = draws;
    }

    public record MonthLine(String month, String drawn, long conversions, long membersReached,
                            String eurosConverted, String leverage) {
    }

    /** Bonus units spent at merchants of a filière (null: merchants without one), as far as traceable. */
    public record FiliereSpent(String filiere, String units) {
    }

    /**
     * Amounts as decimal strings; {@code leverage} euros converted ÷ bonus drawn, 4 decimals rounded
     * down (null: none drawn); {@code spentByFiliere} where the bonus was spent, counted first (an upper bound).
     */
    public record Report(String id, String currency, String sponsor, String committed, String drawn, String paidIn,
                         String receivable, long conversions, long membersReached, String eurosConverted,
                         String leverage, List<MonthLine> months, List<FiliereSpent> spentByFiliere) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COLLECTIVITE})
    @Operation(summary = "What a sponsor's bonus budget achieved: drawn, paid in, members reached, leverage, by month")
    @GetMapping("/api/v1/reports/bonus-budgets/{id}")
    public Report report(@PathVariable("id") String budgetId) {
        String id = RequestValues.id(budgetId, "id");
        BonusBudgetQueries.BonusBudget budget = budgets.find(id).orElse(null);
        Caller caller = Caller.current();
        if (budget == null || !(caller.seesEverything() || caller.owns(budget.sponsor()))) {
            throw ApiException.notFound("web.unknown", "unknown {0}", id);
        }
        List<BonusDrawQueries.Month> months = draws.byMonth(id);
        long conversions = months.stream().mapToLong(BonusDrawQueries.Month::conversions).sum();
        long euros = months.stream().mapToLong(BonusDrawQueries.Month::eurosConvertedMinor).sum();
        return new Report(id, budget.currency(), budget.sponsor(), Amounts.format(budget.committedMinor()),
                Amounts.format(budget.drawnMinor()), Amounts.format(budget.paidInMinor()),
                Amounts.format(Math.max(0, budget.drawnMinor() - budget.paidInMinor())), conversions,
                draws.membersReached(id), Amounts.format(euros), Coverage.ratio(euros, budget.drawnMinor()),
                months.stream().map(m -> new MonthLine(m.month(), Amounts.format(m.bonusMinor()), m.conversions(),
                        m.members(), Amounts.format(m.eurosConvertedMinor()),
                        Coverage.ratio(m.eurosConvertedMinor(), m.bonusMinor()))).toList(),
                draws.spentByFiliere(id).stream()
                        .map(s -> new FiliereSpent(s.filiere(), Amounts.format(s.unitsMinor()))).toList());
    }
}
