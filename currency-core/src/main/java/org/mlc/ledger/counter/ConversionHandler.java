package org.mlc.ledger.counter;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;

/**
 * Converts euros to units: the counter records the euros and the account receives the units,
 * both in one unit of work, so a conversion is never half-applied. The account is loaded first
 * so that a refusal happens before anything is recorded.
 */
public class ConversionHandler {

    private final Repository<Currency> currencies;
    private final Repository<ExchangeCounter> counters;
    private final Repository<Account> accounts;

    public ConversionHandler(Repository<Currency> currencies, Repository<ExchangeCounter> counters,
                             Repository<Account> accounts) {
        this.currencies = currencies;
        this.counters = counters;
        this.accounts = accounts;
    }

    @CommandHandler
    public Conversion handle(ConvertEuros command) {
        Aggregate<ExchangeCounter> counter = load(counters, command.counterId().value(), "counter");
        Aggregate<Account> account = load(accounts, command.accountId().value(), "account");
        var counterCurrency = counter.invoke(ExchangeCounter::currency);
        if (!counterCurrency.equals(account.invoke(Account::currency))) {
            throw DomainException.refused("currency-mismatch",
                    "account " + command.accountId() + " is not in " + counterCurrency);
        }
        if (account.invoke(Account::status) != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "account " + command.accountId() + " cannot receive units");
        }
        Currency currency = Currencies.require(currencies, counterCurrency);
        EurosConverted converted = counter.invoke(c -> c.convert(command.conversionId(), command.accountId(),
                command.eurosMinor(), command.paidBy(), command.payout(), currency.conversion(), command.at()));
        account.execute(a -> a.receiveIssuedUnits(command.conversionId(), command.counterId(),
                converted.unitsMinor(), command.at()));
        return new Conversion(converted.conversionId(), converted.eurosMinor(), converted.unitsMinor(),
                converted.bonusMinor());
    }

    private static <T> Aggregate<T> load(Repository<T> repository, String id, String what) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("unknown " + what + " " + id);
        }
    }

    /** What a conversion answers. */
    public record Conversion(ConversionId conversionId, long eurosMinor, long unitsMinor,
                             long bonusMinor) {
    }
}
