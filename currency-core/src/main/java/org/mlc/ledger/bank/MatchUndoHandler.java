package org.mlc.ledger.bank;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.Reasons;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.issuance.Issuance;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.InflowSource;

/**
 * Undoes a bank statement line's match by compensation, in one unit of work: what the match
 * recorded is reversed by the events of the aggregates it touched (remittance back to remitted,
 * sponsor payment or aid funding reversed, payout confirmation undone), the fund's inflow too, and
 * the line is unmatched again. Nothing is deleted; who and why are in each event. A credit is not
 * taken back from the fund when the fund already paid it out ({@code fund-already-paid-out}).
 */
class MatchUndoHandler {

    private final Repository<FundBankAccount> fundAccounts;
    private final Repository<ExchangeCounter> counters;
    private final Repository<BonusBudget> budgets;
    private final Repository<GuaranteeFund> funds;
    private final Repository<AidProgram> programs;
    private final Repository<Issuance> issuances;

    MatchUndoHandler(Repository<FundBankAccount> fundAccounts, Repository<ExchangeCounter> counters,
                     Repository<BonusBudget> budgets, Repository<GuaranteeFund> funds,
                     Repository<AidProgram> programs, Repository<Issuance> issuances) {
        this.issuances = issuances;
        this.fundAccounts = fundAccounts;
        this.counters = counters;
        this.budgets = budgets;
        this.funds = funds;
        this.programs = programs;
    }

    @CommandHandler
    public MatchedLine handle(UndoStatementMatch command) throws Exception {
        String reason = Reasons.required(command.reason());
        Aggregate<FundBankAccount> account = Aggregates.loadOr(fundAccounts, FundBankAccount.idOf(command.currency()),
                DomainException.notFound("bank.no-statement", "no bank statement was imported for {0}",
                        command.currency()));
        MatchedLine line = account.invoke(a -> a.matchOf(command.statementId(), command.lineNumber()));
        String by = command.by();
        String fundAccount = account.invoke(a -> a.accountOf(command.statementId()));
        switch (line.outcome()) {
            case "MATCHED_REMITTANCE" -> {
                GuaranteeFund.reverseInflow(funds, command.currency(), fundAccount, InflowSource.REMITTANCE,
                        line.sourceId(), line.amountMinor(), reason, by, command.at());
                counters.load(line.holderId()).execute(c -> c.undoRemittanceConfirmation(
                        RemittanceId.of(line.sourceId()), reason, by, command.at()));
            }
            case "MATCHED_SPONSOR" -> {
                GuaranteeFund.reverseInflow(funds, command.currency(), fundAccount, InflowSource.SPONSOR_PAYMENT,
                        line.sourceId(), line.amountMinor(), reason, by, command.at());
                budgets.load(line.holderId()).execute(b -> b.reverseSponsorPayment(line.amountMinor(), reason, by,
                        command.at()));
            }
            case "MATCHED_AID_FUNDING" -> {
                GuaranteeFund.reverseInflow(funds, command.currency(), fundAccount, InflowSource.AID_FUNDING,
                        line.sourceId(), line.amountMinor(), reason, by, command.at());
                programs.load(line.holderId()).execute(p -> p.reverseFunding(FundingId.of(line.sourceId()), reason,
                        by, command.at()));
            }
            case "MATCHED_ISSUANCE" -> {
                // the issuance refuses first when its units went out: then the fund is left as it is
                issuances.load(line.holderId()).execute(i -> i.reverseFunds(reason, by, command.at()));
                GuaranteeFund.reverseInflow(funds, command.currency(), fundAccount, InflowSource.ISSUANCE,
                        line.sourceId(), line.amountMinor(), reason, by, command.at());
            }
            case "MATCHED_PAYOUT" -> funds.load(GuaranteeFund.idOf(command.currency())).execute(f ->
                    f.undoPayoutConfirmation(ReconversionId.of(line.sourceId()), reason, by, command.at()));
            default -> throw new IllegalStateException("a matched line with outcome " + line.outcome());
        }
        account.execute(a -> a.undo(command.currency(), command.statementId(), line, reason, by, command.at()));
        return line;
    }
}
