package org.mlc.ledger.counter;

import org.mlc.ledger.currency.Currency;
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
    private final Repository<Currency> currencies;

    NoteDepositHandler(Repository<ExchangeCounter> counters, Repository<Account> accounts,
                       Repository<Currency> currencies) {
        this.counters = counters;
        this.accounts = accounts;
        this.currencies = currencies;
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
        UnstampedNotes.Fee fee = UnstampedNotes.check(command.unstamped(), command.notes(), currency, currencies,
                accounts, command.at());
        long feeMinor = fee == null ? 0 : fee.feeMinor();
        if (fee != null) {
            // the account must be able to receive before the fund is credited
            account.execute(Account::requireCanReceive);
            UnstampedNotes.credit(fee, command.depositId(), command.counterId(), command.at());
        }
        // the account refuses (frozen, closed) before the counter records anything
        account.execute(a -> a.receivePaperNotes(command.depositId(), command.counterId(), unitsMinor - feeMinor,
                command.at()));
        counter.execute(c -> c.takeBack(command.depositId(), command.accountId(), command.notes(), command.at()));
        return new Deposit(command.depositId().value(), unitsMinor - feeMinor, feeMinor);
    }


}
