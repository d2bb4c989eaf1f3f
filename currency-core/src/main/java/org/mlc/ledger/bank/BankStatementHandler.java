package org.mlc.ledger.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.aid.ConfirmAidFunding;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.issuance.Issuance;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.InflowSource;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.Ids;

/**
 * Matches a bank statement against remittances, sponsor payments, aid fundings and direct issuances
 * (credits) and
 * reconversion payouts (debits) and records the matches in one unit of work: the fund is credited
 * for each matched credit (and records the inflow on the currency's fund), each matched debit
 * confirms its payout, the others are listed; each match is kept by line so that it can be undone
 * ({@link MatchUndoHandler}). A line seen twice (in the file, or matched by an earlier import)
 * refuses the whole file.
 */
class BankStatementHandler {

    private final Repository<FundBankAccount> fundAccounts;
    private final Repository<ExchangeCounter> counters;
    private final Repository<BonusBudget> budgets;
    private final Repository<GuaranteeFund> funds;
    private final Repository<AidProgram> programs;
    private final Repository<Issuance> issuances;

    BankStatementHandler(Repository<FundBankAccount> fundAccounts, Repository<ExchangeCounter> counters,
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
    public ImportResult handle(ImportBankStatement command) throws Exception {
        if (command.lines() == null || command.lines().isEmpty() || command.lines().size() > ImportBankStatement.MAX_LINES) {
            throw DomainException.invalid("bank.statement-size", "a statement has 1 to {0} lines",
                    ImportBankStatement.MAX_LINES);
        }
        String account = fundAccount(command);
        Aggregate<FundBankAccount> fund = null;
        try {
            fund = fundAccounts.load(FundBankAccount.idOf(command.currency()));
        } catch (AggregateNotFoundException e) {
            // first import for this currency: the account is created with it
        }
        Map<String, Integer> seen = new HashMap<>();
        for (StatementLine line : command.lines()) {
            Integer earlier = seen.putIfAbsent(line.fingerprint(), line.lineNumber());
            if (earlier != null) {
                throw DomainException.invalid("bank.line-duplicated", "line {0} duplicates line {1}", line.lineNumber(),
                        earlier);
            }
            if (fund != null && fund.invoke(f -> f.alreadyMatched(account, line.fingerprint()))) {
                throw DomainException.conflict("statement-line-already-imported", "bank.line-already-imported",
                        "line {0} ({1}, {2}) was already imported", line.lineNumber(), line.reference(),
                        Money.of(line.amountMinor(), "EUR"));
            }
        }
        List<LineResult> results = new ArrayList<>();
        List<MatchedLine> matched = new ArrayList<>();
        for (StatementLine line : command.lines()) {
            results.add(match(command, account, line, matched));
        }
        if (fund == null) {
            fundAccounts.newInstance(() -> new FundBankAccount(command.currency(), account, command.statementId(),
                    matched,
                    command.at()));
        } else {
            fund.execute(f -> f.record(command.currency(), account, command.statementId(), matched, command.at()));
        }
        return new ImportResult(command.statementId(), results);
    }

    /** The fund's bank account the statement is of, as the fund knows its accounts. */
    private String fundAccount(ImportBankStatement command) throws Exception {
        try {
            Aggregate<GuaranteeFund> fund = funds.load(GuaranteeFund.idOf(command.currency()));
            return fund.invoke(f -> f.requireAccount(command.fundAccount()));
        } catch (AggregateNotFoundException e) {
            // nothing recorded on the fund yet: only its implicit first account exists
            if (command.fundAccount() != null && !command.fundAccount().equals("1")) {
                throw DomainException.invalid("fund.unknown-bank-account",
                        "the guarantee fund of {0} has no bank account {1}",
                        command.currency(), command.fundAccount()).naming("fundAccount");
            }
            return "1";
        }
    }

    private LineResult match(ImportBankStatement command, String account, StatementLine line,
                             List<MatchedLine> matched) throws Exception {
        if (line.amountMinor() < 0) {
            return matchPayout(command, account, line, matched);
        }
        String reference = line.reference();
        CounterId counterId = reference == null ? null : command.remittanceCounters().get(reference);
        if (counterId != null) {
            Aggregate<ExchangeCounter> counter = counters.load(counterId.value());
            RemittanceId remittanceId = RemittanceId.of(reference);
            long expected = counter.invoke(c -> c.remittanceEurosMinor(remittanceId));
            if (counter.invoke(c -> c.remittanceStatus(remittanceId)) == ExchangeCounter.RemittanceStatus.CONFIRMED) {
                return result(line, "MISMATCHED", "remittance already confirmed");
            }
            if (expected != line.amountMinor()) {
                return result(line, "MISMATCHED", "remittance of " + Amounts.format(expected));
            }
            counter.execute(c -> c.confirmRemittance(remittanceId, "statement " + command.statementId() + " line "
                    + line.lineNumber(), command.at()));
            GuaranteeFund.recordInflow(funds, counter.invoke(ExchangeCounter::currency), account,
                    InflowSource.REMITTANCE,
                    remittanceId.value(), expected, command.at());
            return matched(matched, line, "MATCHED_REMITTANCE", remittanceId.value(), counterId.value());
        }
        BudgetId budgetId = command.budgets().stream().filter(b -> b.value().equals(reference)).findFirst()
                .orElse(null);
        if (budgetId != null) {
            Aggregate<BonusBudget> budget = budgets.load(budgetId.value());
            long outstanding = budget.invoke(BonusBudget::outstandingMinor);
            if (line.amountMinor() > outstanding) {
                return result(line, "MISMATCHED", "only " + Amounts.format(outstanding)
                        + " committed and not yet paid in");
            }
            budget.execute(b -> b.handle(new org.mlc.ledger.bonus.RecordSponsorPayment(budgetId,
                    line.amountMinor(), "statement " + command.statementId() + " line " + line.lineNumber(),
                    command.at())));
            GuaranteeFund.recordInflow(funds, budget.invoke(BonusBudget::currency), account,
                    InflowSource.SPONSOR_PAYMENT,
                    budgetId.value(), line.amountMinor(), command.at());
            return matched(matched, line, "MATCHED_SPONSOR", budgetId.value(), budgetId.value());
        }
        AidProgramId programId = reference == null || programs == null || command.aidFundings() == null ? null
                : command.aidFundings().get(reference);
        if (programId != null) {
            Aggregate<AidProgram> program = programs.load(programId.value());
            FundingId fundingId = FundingId.of(reference);
            long expected = program.invoke(p -> p.fundingEurosMinor(fundingId));
            if (program.invoke(p -> p.fundingReceived(fundingId))) {
                return result(line, "MISMATCHED", "aid funding already confirmed");
            }
            if (expected != line.amountMinor()) {
                return result(line, "MISMATCHED", "aid funding of " + Amounts.format(expected));
            }
            program.execute(p -> p.handle(new ConfirmAidFunding(programId, fundingId, "statement "
                    + command.statementId() + " line " + line.lineNumber(), command.at())));
            GuaranteeFund.recordInflow(funds, program.invoke(AidProgram::currency), account,
                    InflowSource.AID_FUNDING,
                    fundingId.value(), expected, command.at());
            return matched(matched, line, "MATCHED_AID_FUNDING", fundingId.value(), programId.value());
        }
        IssuanceId issuanceId = reference == null || issuances == null || command.issuances() == null ? null
                : command.issuances().stream().filter(i -> i.value().equals(reference)).findFirst().orElse(null);
        if (issuanceId != null) {
            Aggregate<Issuance> issuance = issuances.load(issuanceId.value());
            long expected = issuance.invoke(Issuance::eurosMinor);
            if (issuance.invoke(Issuance::status) == Issuance.Status.FUNDED) {
                return result(line, "MISMATCHED", "issuance already confirmed");
            }
            if (expected != line.amountMinor()) {
                return result(line, "MISMATCHED", "issuance of " + Amounts.format(expected));
            }
            issuance.execute(i -> i.receiveFunds("statement " + command.statementId() + " line " + line.lineNumber(),
                    null, command.at()));
            GuaranteeFund.recordInflow(funds, issuance.invoke(Issuance::currency), account, InflowSource.ISSUANCE,
                    issuanceId.value(), expected, command.at());
            return matched(matched, line, "MATCHED_ISSUANCE", issuanceId.value(), issuanceId.value());
        }
        return result(line, "UNMATCHED", "no remittance, sponsor budget, aid funding or issuance has this reference");
    }

    /** A debit of the fund's account: the bank transfer of a reconversion's payout, by its id. */
    private LineResult matchPayout(ImportBankStatement command, String account, StatementLine line,
                                   List<MatchedLine> matched) {
        if (line.reference() == null || line.reference().isBlank() || line.reference().length() > Ids.MAX_ID_LENGTH) {
            return result(line, "UNMATCHED", "a debit matches a payout by its reconversion id; this one has none");
        }
        Aggregate<GuaranteeFund> fund;
        try {
            fund = funds.load(GuaranteeFund.idOf(command.currency()));
        } catch (AggregateNotFoundException e) {
            return result(line, "UNMATCHED", "no payout has this reference");
        }
        ReconversionId reconversionId = ReconversionId.of(line.reference());
        long expected = fund.invoke(f -> f.payoutEurosMinor(reconversionId));
        if (expected < 0) {
            return result(line, "UNMATCHED", "no payout has this reference");
        }
        if (fund.invoke(f -> f.statusOf(reconversionId)) == GuaranteeFund.PayoutStatus.CONFIRMED) {
            return result(line, "MISMATCHED", "payout already confirmed");
        }
        if (expected != -line.amountMinor()) {
            return result(line, "MISMATCHED", "payout of " + Amounts.format(expected));
        }
        String paidFrom = fund.invoke(f -> f.payoutAccountOf(reconversionId));
        if (!paidFrom.equals(account)) {
            return result(line, "MISMATCHED", "payout from the fund's bank account " + paidFrom);
        }
        fund.execute(f -> f.confirmFromStatement(reconversionId, "statement " + command.statementId() + " line "
                + line.lineNumber(), command.at()));
        return matched(matched, line, "MATCHED_PAYOUT", reconversionId.value(),
                GuaranteeFund.idOf(command.currency()));
    }

    /** A match, kept with what it matched so that it can be undone by its line. */
    private static LineResult matched(List<MatchedLine> matched, StatementLine line, String outcome, String sourceId,
                                      String holderId) {
        matched.add(new MatchedLine(line.lineNumber(), line.fingerprint(), outcome, sourceId, holderId,
                line.amountMinor()));
        return result(line, outcome, null);
    }

    private static LineResult result(StatementLine line, String outcome, String reason) {
        return new LineResult(line.lineNumber(), line.reference(), line.amountMinor(), outcome, reason);
    }
}
