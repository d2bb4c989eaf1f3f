package org.mlc.ledger.counter;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;

/**
 * Paper back to electronic: the counter takes the notes into its stock and the account receives
 * their value, in one unit of work.
 */
class NoteDepositHandler {

    private final Repository<ExchangeCounter> counters;
    private final Repository<Account> accounts;

    NoteDepositHandler(Repository<ExchangeCounter> counters, Repository<Account> accounts) {
        this.counters = counters;
        this.accounts = accounts;
    }

    @CommandHandler
    public Deposit handle(DepositNotes command) {
        Aggregate<ExchangeCounter> counter = Aggregates.load(counters, command.counterId().value(), "counter");
        Aggregate<Account> account = Aggregates.load(accounts, command.accountId().value(), "account");
        var currency = counter.invoke(ExchangeCounter::currency);
        if (!currency.equals(account.invoke(Account::currency))) {
            throw DomainException.refused("currency-mismatch", "account.currency-mismatch", "account {0} is not in {1}",
                    command.accountId(), currency);
        }
        long unitsMinor = counter.invoke(c -> c.prepareDeposit(command.notes()));
        // the account refuses (frozen, closed) before the counter records anything
        account.execute(a -> a.receivePaperNotes(command.depositId(), command.counterId(), unitsMinor, command.at()));
        counter.execute(c -> c.takeBack(command.depositId(), command.accountId(), command.notes(), command.at()));
        return new Deposit(command.depositId().value(), unitsMinor);
    }


}
