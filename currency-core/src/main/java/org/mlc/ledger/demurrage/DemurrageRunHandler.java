package org.mlc.ledger.demurrage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.currency.Demurrage;

/**
 * Runs the fonte: starts a run for a due date of the policy that has come (found again when it was
 * started before), takes each account's share into the beneficiary's account in one unit of work
 * per account, and completes it. Resent, interrupted and resumed, it charges each account once.
 */
class DemurrageRunHandler {

    private final Repository<DemurrageRun> runs;
    private final Repository<Account> accounts;
    private final Repository<Currency> currencies;

    DemurrageRunHandler(Repository<DemurrageRun> runs, Repository<Account> accounts,
                        Repository<Currency> currencies) {
        this.runs = runs;
        this.accounts = accounts;
        this.currencies = currencies;
    }

    @CommandHandler
    public DemurrageRunState handle(StartDemurrageRun command) throws Exception {
        DemurrageRunId id = DemurrageRunId.of(command.currency(), command.dueOn());
        try {
            return runs.load(id.value()).invoke(run -> run.state(true));
        } catch (AggregateNotFoundException notStarted) {
            // a new run: checked below
        }
        Currency currency = Currencies.require(currencies, command.currency());
        Demurrage policy = currency.demurrage().orElseThrow(() -> DomainException.refused("demurrage-off",
                "demurrage.off", "currency {0} has no demurrage", command.currency()));
        if (!policy.isDueOn(command.dueOn())) {
            java.time.LocalDate next = policy.lastDueOnOrBefore(command.dueOn())
                    .map(last -> last.plusMonths(policy.periodMonths())).orElse(policy.firstDueOn());
            throw DomainException.invalid("demurrage.not-a-due-date", "{0} is not a due date of the fonte of {1} "
                    + "(next due date: {2})", command.dueOn(), command.currency(), next).naming("dueOn");
        }
        if (command.dueOn().isAfter(command.today())) {
            throw DomainException.refused("due-date-in-future", "demurrage.due-date-in-future",
                    "the due date {0} has not come yet (today is {1})", command.dueOn(), command.today())
                    .naming("dueOn");
        }
        Aggregate<DemurrageRun> run = runs.newInstance(() -> new DemurrageRun(id, command.currency(),
                command.dueOn(), policy, command.at()));
        return run.invoke(r -> r.state(false));
    }

    @CommandHandler
    public DemurrageCharge handle(ChargeDemurrage command) {
        Aggregate<DemurrageRun> run = Aggregates.loadOr(runs, command.runId().value(), DomainException.notFound(
                "demurrage.run-not-started", "demurrage run {0} has not started", command.runId()));
        Demurrage policy = run.invoke(DemurrageRun::policy);
        AccountId beneficiary = policy.beneficiaryAccount();
        if (command.accountId().equals(beneficiary)) {
            return new DemurrageCharge(command.accountId(), 0);
        }
        // two accounts in the order of their ids, so that two units of work never wait on each other
        boolean payerFirst = command.accountId().value().compareTo(beneficiary.value()) < 0;
        Aggregate<Account> first = Aggregates.load(accounts,
                (payerFirst ? command.accountId() : beneficiary).value(), "account");
        Aggregate<Account> second = Aggregates.load(accounts,
                (payerFirst ? beneficiary : command.accountId()).value(), "beneficiary account");
        Aggregate<Account> payer = payerFirst ? first : second;
        Aggregate<Account> receiver = payerFirst ? second : first;
        if (!payer.invoke(Account::currency).equals(run.invoke(DemurrageRun::currency))) {
            throw DomainException.refused("currency-mismatch", "account.currency-mismatch",
                    "account {0} is not in {1}", command.accountId(), run.invoke(DemurrageRun::currency));
        }
        if (run.invoke(DemurrageRun::completed)) {
            // a completed run charges no one more: an account it missed waits for the next period
            return new DemurrageCharge(command.accountId(), payer.invoke(a -> a.demurrageGivenIn(command.runId())));
        }
        long given = payer.invoke(a -> a.demurrageGivenIn(command.runId()));
        long amount = payer.invoke(a -> a.chargeDemurrage(command.runId(), run.invoke(DemurrageRun::periodFrom),
                run.invoke(DemurrageRun::dueOn), policy, command.at()));
        if (amount > given) {
            receiver.execute(a -> a.receiveDemurrage(command.runId(), run.invoke(DemurrageRun::periodFrom),
                    run.invoke(DemurrageRun::dueOn), command.accountId(), amount, command.at()));
        }
        return new DemurrageCharge(command.accountId(), amount);
    }

    @CommandHandler
    public DemurrageRunState handle(CompleteDemurrageRun command) {
        Aggregate<DemurrageRun> run = Aggregates.loadOr(runs, command.runId().value(), DomainException.notFound(
                "demurrage.run-not-started", "demurrage run {0} has not started", command.runId()));
        run.execute(r -> r.complete(command.accountsCharged(), command.totalMinor(), command.at()));
        return run.invoke(r -> r.state(true));
    }
}
