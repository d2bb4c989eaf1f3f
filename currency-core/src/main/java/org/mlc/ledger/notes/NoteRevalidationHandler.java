package org.mlc.ledger.notes;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.counter.Notes;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.currency.Demurrage;

/**
 * Paper notes revalidated at a counter (the fonte of paper): their holder pays the currency's rate
 * of their face value, rounded up to the cent ({@link Demurrage#revalidationFeeOn}), for the period
 * closed by the next due date. The fee is paid in euros into the counter's drawer and its units are
 * issued to the fonte's beneficiary, in one unit of work over the series (when named) and its
 * counters, the currency and the beneficiary's account: backing and circulation grow by the same
 * amount, both books balance. Paying in notes would need change in cents, which paper cannot give.
 * Everything that can refuse is checked before anything is recorded.
 */
class NoteRevalidationHandler {

    private final Repository<NoteSeries> series;
    private final Repository<ExchangeCounter> counters;
    private final Repository<Currency> currencies;
    private final Repository<Account> accounts;

    NoteRevalidationHandler(Repository<NoteSeries> series, Repository<ExchangeCounter> counters,
                            Repository<Currency> currencies, Repository<Account> accounts) {
        this.series = series;
        this.counters = counters;
        this.currencies = currencies;
        this.accounts = accounts;
    }

    @CommandHandler
    public NoteRevalidation handle(RevalidateNotes command) {
        if (command.paidWith() == null) {
            throw DomainException.invalid("revalidation.paid-with-required",
                    "paidWith is required: CASH, CARD or CHEQUE (the fee is paid in euros)").naming("paidWith");
        }
        SortedMap<Integer, Integer> notes = positive(command.notes());
        // the series and its counters by id, then the currency and the account: as deposits and releases
        Aggregate<NoteSeries> lot = command.seriesId() == null ? null : Aggregates.loadOr(series,
                command.seriesId().value(), DomainException.notFound("unknown.note-series", "unknown note series {0}",
                        command.seriesId()).naming("series"));
        SeriesCounters atCounters = lot == null ? null : SeriesCounters.load(lot, counters, command.counterId());
        Aggregate<ExchangeCounter> counter = atCounters != null ? atCounters.counter(command.counterId())
                : Aggregates.load(counters, command.counterId().value(), "counter");
        counter.execute(ExchangeCounter::checkOpen);
        var code = counter.invoke(ExchangeCounter::currency);
        Demurrage policy = Currencies.require(currencies, code).demurrage().orElseThrow(() -> DomainException.refused(
                "demurrage-off", "demurrage.off", "currency {0} has no demurrage", code));
        if (lot != null) {
            if (!code.equals(lot.invoke(NoteSeries::currency))) {
                throw DomainException.refused("currency-mismatch", "notes.series-other-currency",
                        "counter {0} is not in the currency of series {1}", command.counterId(), command.seriesId())
                        .naming("series");
            }
            // a series that ended is exchanged at par, not revalidated
            lot.execute(s -> s.requireRevalidable(command.at()));
            var stocks = atCounters.stocks();
            lot.execute(s -> s.requireInCirculation(notes, stocks));
        }
        Aggregate<Account> fund = Aggregates.loadOr(accounts, policy.beneficiaryAccount().value(),
                DomainException.notFound("unknown.account", "unknown account {0}", policy.beneficiaryAccount()));
        long faceValueMinor = Notes.valueMinor(notes);
        long feeMinor = policy.revalidationFeeOn(faceValueMinor);
        LocalDate dueOn = policy.nextDueOnOrAfter(LocalDate.ofInstant(command.at(), CivilDay.ZONE));
        LocalDate periodFrom = policy.periodStart(dueOn);
        // the fund refuses (frozen, closed) before the counter records anything
        fund.execute(a -> a.receiveRevalidationFee(command.revalidationId(), command.counterId(), periodFrom, dueOn,
                feeMinor, command.at()));
        counter.execute(c -> c.revalidate(command.revalidationId(), command.seriesId(), notes, feeMinor,
                command.paidWith(), periodFrom, dueOn, policy.beneficiaryAccount(), command.by(), command.at()));
        return new NoteRevalidation(command.revalidationId().value(), notes, faceValueMinor, feeMinor, periodFrom,
                dueOn, policy.beneficiaryAccount().value());
    }

    /** Known denominations, each count above zero (a zero is a slip of the agent's, not "none"). */
    private static SortedMap<Integer, Integer> positive(Map<Integer, Integer> notes) {
        if (notes != null) {
            notes.forEach((denomination, count) -> {
                if (count != null && count == 0) {
                    throw DomainException.invalid("revalidation.count-not-positive",
                            "notes: the count of {0} must be greater than zero", denomination).naming("notes");
                }
            });
        }
        return Notes.validate(notes);
    }
}
