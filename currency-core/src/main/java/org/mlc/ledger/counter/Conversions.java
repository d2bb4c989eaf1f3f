package org.mlc.ledger.counter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.Reasons;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;

/**
 * The conversions of a counter's open day, with what cancelling one must give back (the notes
 * handed over, the budget that funded the bonus, the donation share), and the ids of the
 * conversions of closed days, which can no longer be cancelled. A part of {@link ExchangeCounter}
 * (an aggregate member: it follows the counter's events itself); a cancellation takes the euros out
 * of the counter's drawer and puts the notes back into its stock, which it is handed.
 */
final class Conversions {

    /** A conversion of the open day as a cancellation needs it. */
    record Converted(EurosConverted conversion, Map<Integer, Integer> notes, ConversionFundingNoted funding,
                     boolean cancelled) {

        BudgetId budgetId() {
            return funding == null ? null : funding.budgetId();
        }

        AccountId donatedFrom() {
            return funding == null ? null : funding.donatedFrom();
        }

        AccountId donatedTo() {
            return funding == null ? null : funding.donatedTo();
        }

        long donationMinor() {
            return funding == null ? 0 : funding.donationMinor();
        }
    }

    private final Drawer drawer;
    private final Map<Integer, Integer> stock;
    private final SeriesStock seriesStock;
    /** The series the notes of the open day's sales came from, to return them there on a cancellation. */
    private final Map<ConversionId, List<SeriesNotes>> seriesOfSales = new HashMap<>();
    private final Map<ConversionId, Converted> openDay = new HashMap<>();
    private final Set<ConversionId> ofClosedDays = new HashSet<>();

    Conversions(Drawer drawer, Map<Integer, Integer> stock, SeriesStock seriesStock) {
        this.drawer = drawer;
        this.stock = stock;
        this.seriesStock = seriesStock;
    }

    /**
     * The conversion to cancel, checked on the counter's side: this counter's, of its open day, not
     * cancelled yet, its euros still in the drawer. Records nothing.
     */
    Converted toCancel(CounterId counter, ConversionId conversionId, String reason) {
        Reasons.required(reason);
        Converted converted = openDay.get(conversionId);
        if (converted == null || converted.conversion() == null) {
            if (ofClosedDays.contains(conversionId)) {
                throw DomainException.conflict("day-already-closed", "conversion.day-closed",
                        "conversion {0} belongs to a closed day of counter {1}: it can no longer be cancelled",
                        conversionId, counter);
            }
            throw DomainException.notFound("conversion.unknown", "unknown conversion {0} at counter {1}", conversionId,
                    counter);
        }
        if (converted.cancelled()) {
            throw DomainException.conflict("already-cancelled", "conversion.already-cancelled",
                    "conversion {0} is already cancelled", conversionId);
        }
        drawer.requireHolds(counter, converted.conversion().paidBy(), converted.conversion().eurosMinor());
        return converted;
    }

    /** Records the cancellation checked by {@link #toCancel}; the caller took the units, bonus and donation back. */
    ConversionCancelled cancel(Converted converted, String reason, String cancelledBy, Instant at) {
        EurosConverted conversion = converted.conversion();
        String currency = conversion.currency().value();
        Postings.Builder postings = Postings.builder().move(
                LedgerAccount.of(currency, LedgerAccountKind.COUNTER_CASH, conversion.counterId().value()),
                LedgerAccount.of(currency, LedgerAccountKind.OUTSIDE), conversion.eurosMinor());
        if (conversion.payout() == Payout.NOTES) {
            postings.move(LedgerAccount.of(currency, LedgerAccountKind.PAPER_IN_CIRCULATION),
                    LedgerAccount.of(currency, LedgerAccountKind.ISSUANCE), conversion.unitsMinor());
        }
        ConversionCancelled event = new ConversionCancelled(conversion.conversionId(), conversion.counterId(),
                conversion.currency(), conversion.accountId(), conversion.eurosMinor(), conversion.unitsMinor(),
                conversion.bonusMinor(), converted.budgetId(), conversion.paidBy(), conversion.payout(),
                converted.notes(), converted.donatedTo(), converted.donationMinor(), reason.strip(), cancelledBy,
                postings.build(), at);
        apply(event);
        List<SeriesNotes> lots = seriesOfSales.get(conversion.conversionId());
        if (lots != null) {
            apply(new SeriesSaleCancelled(conversion.counterId(), conversion.conversionId(), lots, at));
        }
        return event;
    }

    /** Notes what the conversion drew and gave, if anything, for its cancellation (see {@link ConversionFundingNoted}). */
    void noteFunding(CounterId counter, ConversionId conversionId, BudgetId budgetId, long bonusMinor,
                     AccountId donatedFrom, AccountId donatedTo, long donationMinor, Instant at) {
        boolean bonus = budgetId != null && bonusMinor > 0;
        boolean donation = donatedTo != null && donationMinor > 0;
        if (bonus || donation) {
            apply(new ConversionFundingNoted(counter, conversionId, bonus ? budgetId : null, bonus ? bonusMinor : 0,
                    donation ? donatedFrom : null, donation ? donatedTo : null, donation ? donationMinor : 0, at));
        }
    }

    @EventSourcingHandler
    void on(EurosConverted event) {
        // the funding is noted just before, in the same unit of work
        openDay.merge(event.conversionId(), new Converted(event, null, null, false),
                (noted, converted) -> new Converted(event, null, noted.funding(), false));
    }

    @EventSourcingHandler
    void on(NotesSold event) {
        openDay.computeIfPresent(event.conversionId(), (id, c) -> new Converted(c.conversion(),
                new TreeMap<>(event.notes()), c.funding(), c.cancelled()));
    }

    @EventSourcingHandler
    void on(NotesSoldFromSeries event) {
        seriesOfSales.put(event.conversionId(), List.copyOf(event.lots()));
    }

    @EventSourcingHandler
    void on(SeriesSaleCancelled event) {
        event.lots().forEach(lot -> seriesStock.add(lot.seriesId(), lot.notes(), 1));
    }

    @EventSourcingHandler
    void on(ConversionFundingNoted event) {
        openDay.put(event.conversionId(), new Converted(null, null, event, false));
    }

    @EventSourcingHandler
    void on(ConversionCancelled event) {
        openDay.computeIfPresent(event.conversionId(), (id, c) -> new Converted(c.conversion(), c.notes(),
                c.funding(), true));
        drawer.add(event.paidBy(), -event.eurosMinor());
        if (event.notes() != null) {
            event.notes().forEach((d, n) -> stock.merge(d, n, Math::addExact));
        }
    }

    @EventSourcingHandler
    void on(CounterDayClosed event) {
        ofClosedDays.addAll(openDay.keySet());
        openDay.clear();
        seriesOfSales.clear();
    }

}
