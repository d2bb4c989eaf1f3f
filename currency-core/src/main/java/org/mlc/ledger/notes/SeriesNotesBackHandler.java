package org.mlc.ledger.notes;

import org.mlc.ledger.currency.Currency;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.counter.Deposit;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.counter.Notes;
import org.mlc.ledger.counter.SeriesNotes;
import org.mlc.ledger.counter.UnstampedNotes;

/**
 * Notes of a named series coming back from the public at a counter: credited to an account (as
 * any deposit: paper to account) or, for a series that ended, exchanged at par for valid notes
 * (nothing booked: as much paper circulates). After the series' exchange deadline both are refused
 * ({@code series-expired}); a deposit never credits more notes than the series has in circulation
 * ({@code not-in-circulation}).
 */
class SeriesNotesBackHandler {

    private final Repository<NoteSeries> series;
    private final Repository<ExchangeCounter> counters;
    private final Repository<Account> accounts;

    private final Repository<Currency> currencies;

    SeriesNotesBackHandler(Repository<NoteSeries> series, Repository<ExchangeCounter> counters,
                           Repository<Account> accounts, Repository<Currency> currencies) {
        this.series = series;
        this.counters = counters;
        this.accounts = accounts;
        this.currencies = currencies;
    }

    @CommandHandler
    public Deposit handle(DepositSeriesNotes command) {
        // the series, its counters by id, then the account: as the release, so none waits on another
        Aggregate<NoteSeries> lot = load(command);
        SeriesCounters atCounters = SeriesCounters.load(lot, counters, command.counterId());
        Aggregate<ExchangeCounter> counter = atCounters.counter(command.counterId());
        Aggregate<Account> account = Aggregates.load(accounts, command.accountId().value(), "account");
        var currency = counter.invoke(ExchangeCounter::currency);
        if (!currency.equals(account.invoke(Account::currency)) || !currency.equals(lot.invoke(NoteSeries::currency))) {
            throw DomainException.refused("currency-mismatch", "notes.deposit-other-currency",
                    "account {0}, counter {1} and series {2} are not all in {3}", command.accountId(),
                    command.counterId(), command.seriesId(), currency);
        }
        lot.execute(s -> s.requireTakenBack(command.at()));
        long unitsMinor = counter.invoke(c -> c.prepareDeposit(command.notes()));
        var stocks = atCounters.stocks();
        lot.execute(s -> s.requireInCirculation(command.notes(), stocks));
        UnstampedNotes.Fee fee = UnstampedNotes.check(command.unstamped(), command.notes(), currency, currencies,
                accounts, command.at());
        long feeMinor = fee == null ? 0 : fee.feeMinor();
        if (fee != null) {
            account.execute(Account::requireCanReceive);
            UnstampedNotes.credit(fee, command.depositId(), command.counterId(), command.at());
        }
        account.execute(a -> a.receivePaperNotes(command.depositId(), command.counterId(), unitsMinor - feeMinor,
                command.at()));
        atCounters.keepAt(command.counterId(), command.at());
        counter.execute(c -> c.takeBackToSeries(command.depositId(), command.accountId(), command.seriesId(),
                command.notes(), command.at()));
        return new Deposit(command.depositId().value(), unitsMinor - feeMinor, feeMinor);
    }

    @CommandHandler
    public NoteExchange handle(ExchangeExpiredNotes command) {
        Aggregate<NoteSeries> lot = Aggregates.loadOr(series, command.seriesId().value(),
                DomainException.notFound("unknown.note-series", "unknown note series {0}", command.seriesId()));
        SeriesCounters atCounters = SeriesCounters.load(lot, counters, command.counterId());
        Aggregate<ExchangeCounter> counter = atCounters.counter(command.counterId());
        if (!counter.invoke(ExchangeCounter::currency).equals(lot.invoke(NoteSeries::currency))) {
            throw DomainException.refused("currency-mismatch", "notes.series-other-currency",
                    "counter {0} is not in the currency of series {1}", command.counterId(), command.seriesId())
                    .naming("series");
        }
        lot.execute(s -> s.requireEnded(command.at()));
        // not checked against the series' circulation, unlike a deposit: an ended series cannot have been
        // sold within the role matrix's day, and an exchange moves no value (as much paper circulates)
        java.util.List<SeriesNotes> given = counter.invoke(c -> c.prepareExchange(command.notes(), command.at()));
        atCounters.keepAt(command.counterId(), command.at());
        counter.execute(c -> c.exchange(command.exchangeId(), command.seriesId(), command.notes(), given,
                command.at()));
        return new NoteExchange(command.exchangeId().value(), given, Notes.valueMinor(Notes.validate(command.notes())));
    }

    private Aggregate<NoteSeries> load(DepositSeriesNotes command) {
        return Aggregates.loadOr(series, command.seriesId().value(), DomainException.notFound("unknown.note-series", "unknown note series {0}", command.seriesId()));
    }
}
