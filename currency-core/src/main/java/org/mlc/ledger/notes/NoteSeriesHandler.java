package org.mlc.ledger.notes;

import java.util.SortedMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;

/**
 * Prints a series (its name unique in the currency: {@code series-exists}) and moves its notes
 * between the vault and the counters in one unit of work over the series and the counter: sent,
 * returned, withdrawn as damaged. None of it is circulation, so none of it is booked.
 */
class NoteSeriesHandler {

    private final Repository<NoteSeries> series;
    private final Repository<ExchangeCounter> counters;
    private final Repository<Currency> currencies;

    NoteSeriesHandler(Repository<NoteSeries> series, Repository<ExchangeCounter> counters,
                      Repository<Currency> currencies) {
        this.series = series;
        this.counters = counters;
        this.currencies = currencies;
    }

    @CommandHandler
    public NoteSeriesId handle(PrintNoteSeries command) throws Exception {
        String name = NoteSeriesPolicy.series(command.series());
        SortedMap<Integer, Integer> printed = NoteSeriesPolicy.printed(command.printed());
        Currencies.require(currencies, command.currency());
        NoteSeriesId id = NoteSeriesId.of(command.currency(), name);
        try {
            series.load(id.value());
            throw DomainException.conflict("series-exists", "notes.series-exists",
                    "series {0} of {1} is already recorded", name, command.currency()).naming("series");
        } catch (AggregateNotFoundException e) {
            series.newInstance(() -> new NoteSeries(id, command, name, printed));
        }
        return id;
    }

    @CommandHandler
    public NoteSeriesId handle(DispatchNotes command) {
        Aggregate<NoteSeries> lot = load(command.seriesId());
        Aggregate<ExchangeCounter> counter = counterOf(lot, command.counterId());
        lot.execute(s -> s.dispatch(command.counterId(), command.notes(), command.by(), command.at()));
        counter.execute(c -> c.receiveFromVault(command.seriesId(), lot.invoke(NoteSeries::series),
                lot.invoke(NoteSeries::validUntil), lot.invoke(NoteSeries::printedAt), command.notes(),
                command.at()));
        return command.seriesId();
    }

    @CommandHandler
    public NoteSeriesId handle(ReturnNotes command) {
        Aggregate<NoteSeries> lot = load(command.seriesId());
        Aggregate<ExchangeCounter> counter = counterOf(lot, command.counterId());
        counter.execute(c -> c.sendToVault(command.seriesId(), command.notes(), false, null, command.at()));
        lot.execute(s -> s.returnFrom(command.counterId(), command.notes(), command.by(), command.at()));
        return command.seriesId();
    }

    @CommandHandler
    public NoteSeriesId handle(WithdrawDamagedNotes command) {
        Aggregate<NoteSeries> lot = load(command.seriesId());
        if (command.counterId() == null) {
            lot.execute(s -> s.withdraw(null, command.notes(), command.reason(), command.by(), command.at()));
            return command.seriesId();
        }
        Aggregate<ExchangeCounter> counter = counterOf(lot, command.counterId());
        counter.execute(c -> c.requireHolds(command.seriesId(), command.notes()));
        // the series checks the reason before the counter records anything
        lot.execute(s -> s.withdraw(command.counterId(), command.notes(), command.reason(), command.by(),
                command.at()));
        counter.execute(c -> c.sendToVault(command.seriesId(), command.notes(), true, command.reason().strip(),
                command.at()));
        return command.seriesId();
    }

    private Aggregate<NoteSeries> load(NoteSeriesId id) {
        return Aggregates.loadOr(series, id.value(), DomainException.notFound("unknown.note-series", "unknown note series {0}", id));
    }

    /** The counter, which must be of the series' currency ({@code currency-mismatch}). */
    private Aggregate<ExchangeCounter> counterOf(Aggregate<NoteSeries> lot, CounterId counterId) {
        Aggregate<ExchangeCounter> counter = Aggregates.load(counters, counterId.value(), "counter");
        if (!counter.invoke(ExchangeCounter::currency).equals(lot.invoke(NoteSeries::currency))) {
            throw DomainException.refused("currency-mismatch", "notes.series-other-currency",
                    "counter {0} is not in the currency of series {1}", counterId, lot.invoke(NoteSeries::series))
                    .naming("counter");
        }
        return counter;
    }
}
