package org.mlc.ledger.reconversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.RecordSponsorPayment;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.counter.ConfirmRemittance;
import org.mlc.ledger.counter.ExchangeCounter;

/**
 * Euros entering the guarantee fund by hand (a remittance confirmed, a sponsor's payment): the
 * counter or budget records the event with the postings and the currency's fund records the
 * inflow, in one unit of work, so the fund decides its payouts on its own figures. The bank
 * statement import does the same for the lines it matches; the aid funding in its own handler.
 */
class FundInflowHandler {

    private final Repository<ExchangeCounter> counters;
    private final Repository<BonusBudget> budgets;
    private final Repository<GuaranteeFund> funds;

    FundInflowHandler(Repository<ExchangeCounter> counters, Repository<BonusBudget> budgets,
                      Repository<GuaranteeFund> funds) {
        this.counters = counters;
        this.budgets = budgets;
        this.funds = funds;
    }

    @CommandHandler
    public RemittanceId handle(ConfirmRemittance command) throws Exception {
        // loaded as the aggregate's own handler was: an unknown counter answers as before
        Aggregate<ExchangeCounter> counter = counters.load(command.counterId().value());
        RemittanceId remittanceId = counter.invoke(c -> c.handle(command));
        long eurosMinor = counter.invoke(c -> c.remittanceEurosMinor(remittanceId));
        GuaranteeFund.recordInflow(funds, counter.invoke(ExchangeCounter::currency), command.fundAccount(),
                InflowSource.REMITTANCE, remittanceId.value(), eurosMinor, command.at());
        return remittanceId;
    }

    @CommandHandler
    public BudgetId handle(RecordSponsorPayment command) throws Exception {
        Aggregate<BonusBudget> budget = budgets.load(command.budgetId().value());
        BudgetId budgetId = budget.invoke(b -> b.handle(command));
        GuaranteeFund.recordInflow(funds, budget.invoke(BonusBudget::currency), InflowSource.SPONSOR_PAYMENT,
                budgetId.value(), command.eurosMinor(), command.at());
        return budgetId;
    }

    @CommandHandler
    public FundAccount handle(DeclareFundAccount command) throws Exception {
        return GuaranteeFund.declareAccount(funds, command);
    }

    @CommandHandler
    public void handle(OpenFundInflows command) throws Exception {
        GuaranteeFund.open(funds, command);
    }
}
