package org.mlc.ledger.notes;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.common.Reasons;
import org.mlc.ledger.counter.Notes;

/**
 * A series of paper notes printed for a currency, from the print run to destruction: what is in
 * the association's vault, withdrawn as damaged and destroyed. The notes at counters and in the
 * public's hands are the counters' to know (their stock by series) and the inventory's to add up.
 * A series may end ({@code validUntil}, its last day of sale); its notes are then still exchanged
 * or credited until the exchange deadline the currency sets, and refused after it.
 */
@AggregateRoot
public class NoteSeries {

    /** At most this many notes of one denomination in a series (a print run, not a typing slip). */
    public static final int MAX_PRINTED_PER_DENOMINATION = NoteSeriesPolicy.MAX_PRINTED_PER_DENOMINATION;

    @AggregateIdentifier
    private NoteSeriesId id;
    private CurrencyCode currency;
    private String series;
    private LocalDate validUntil;
    private LocalDate exchangeDeadline;
    private Instant printedAt;
    private final SortedMap<Integer, Integer> vault = new TreeMap<>();
    private final SortedMap<Integer, Integer> withdrawn = new TreeMap<>();
    /** Every note that left the vault for a counter and was not withdrawn: at counters or in circulation. */
    private final SortedMap<Integer, Integer> out = new TreeMap<>();
    /** The counters that keep notes of the series: those it was dispatched to and those it came back to. */
    private final java.util.SortedSet<String> counters = new java.util.TreeSet<>();
    private NeverReturnedNotesReleased release;

    protected NoteSeries() {
        // for Axon
    }

    /** By {@link NoteSeriesHandler}, which checked the currency and that the series is new. */
    NoteSeries(NoteSeriesId id, PrintNoteSeries command, String series, SortedMap<Integer, Integer> printed) {
        apply(new NoteSeriesPrinted(id, command.currency(), series, printed, command.validUntil(),
                NoteSeriesPolicy.serials(command.serials(), printed), command.by(), command.at()));
    }

    /** Takes notes out of the vault for a counter; refuses past the series' last day and beyond the vault. */
    public void dispatch(CounterId counter, Map<Integer, Integer> notes, String by, Instant at) {
        SortedMap<Integer, Integer> valid = Notes.validate(notes);
        requireSellable(at);
        requireHeld(vault, valid, (has, denomination, count) -> DomainException.refused("vault-short", "notes.vault-short",
                "the vault holds {0} notes of {1} of series {2}, not {3}", has, denomination, series, count));
        apply(new NotesDispatched(id, counter, valid, by, at));
    }

    /** Records notes back in the vault from a counter, which took them out of its stock. */
    public void returnFrom(CounterId counter, Map<Integer, Integer> notes, String by, Instant at) {
        apply(new NotesReturnedToVault(id, counter, Notes.validate(notes), by, at));
    }

    /** Damaged notes out of use, from the vault ({@code counter} null) or from a counter that took them out. */
    public void withdraw(CounterId counter, Map<Integer, Integer> notes, String reason, String by, Instant at) {
        SortedMap<Integer, Integer> valid = Notes.validate(notes);
        String why = Reasons.required(reason);
        if (counter == null) {
            requireHeld(vault, valid, (has, denomination, count) -> DomainException.refused("vault-short",
                    "notes.vault-short", "the vault holds {0} notes of {1} of series {2}, not {3}", has, denomination,
                    series, count));
        }
        apply(new DamagedNotesWithdrawn(id, counter, valid, why, by, at));
    }

    @CommandHandler
    public NoteSeriesId handle(DestroyNotes command) {
        SortedMap<Integer, Integer> valid = Notes.validate(command.notes());
        String reason = Reasons.required(command.reason());
        String witness = NoteSeriesPolicy.witness(command.witness(), command.by());
        requireHeld(withdrawn, valid, (has, denomination, count) -> DomainException.refused("not-withdrawn",
                "notes.not-withdrawn", "{0} notes of {1} of series {2} are withdrawn, not {3}: only withdrawn notes "
                        + "are destroyed", has, denomination, series, count));
        apply(new NotesDestroyed(id, valid, reason, command.by(), witness, command.at()));
        return id;
    }

    @CommandHandler
    public NoteSeriesId handle(SetExchangeDeadline command) {
        if (!currency.equals(command.currency())) {
            throw DomainException.notFound("notes.series-unknown", "unknown series {0} in {1}", id, command.currency());
        }
        if (command.deadline() == null) {
            throw DomainException.invalid("notes.deadline", "deadline: a day, e.g. 2027-06-30").naming("deadline");
        }
        if (validUntil == null) {
            throw DomainException.refused("series-without-end", "notes.series-without-end",
                    "series {0} has no last day: set one before an exchange deadline", series);
        }
        if (command.deadline().isBefore(validUntil)) {
            throw DomainException.invalid("notes.deadline-before-end",
                    "deadline: not before the series' last day, {0}", validUntil).naming("deadline");
        }
        if (!command.deadline().equals(exchangeDeadline)) {
            apply(new ExchangeDeadlineSet(id, command.deadline(), command.by(), command.at()));
        }
        return id;
    }

    /**
     * The series' notes in the public's hands, by denomination: those that left the vault, less
     * those the counters hold ({@code atCounters}, the stock of the series at each of
     * {@link #counters()}), less those released.
     */
    public SortedMap<Integer, Integer> inCirculation(java.util.Collection<Map<Integer, Integer>> atCounters) {
        SortedMap<Integer, Integer> circulation = new TreeMap<>(out);
        atCounters.forEach(stock -> add(circulation, stock, -1));
        return circulation;
    }

    /**
     * Refuses ({@code not-in-circulation}) notes brought back beyond those of the series in the
     * public's hands: never more come back than were sold.
     */
    public void requireInCirculation(Map<Integer, Integer> notes, java.util.Collection<Map<Integer, Integer>> atCounters) {
        SortedMap<Integer, Integer> circulation = inCirculation(atCounters);
        requireHeld(circulation, Notes.validate(notes), (has, denomination, count) -> DomainException.refused(
                "not-in-circulation", "notes.not-in-circulation", "{0} notes of {1} of series {2} are in "
                        + "circulation, not {3}: never more come back than were sold", has, denomination, series,
                count));
    }

    /** Records that a counter not dispatched to keeps notes of the series from now on (nothing if it already does). */
    public void keptAt(CounterId counter, Instant at) {
        if (!counters.contains(counter.value())) {
            apply(new SeriesKeptAtCounter(id, counter, at));
        }
    }

    /**
     * Releases the notes still in circulation ({@code circulation}, as {@link #inCirculation}
     * counts them) once the exchange deadline has passed, on a day after it and not after today;
     * once per series ({@code already-released}); the caller credits the beneficiary what this answers
     * (0 when every note came back).
     */
    public long release(NoteSeriesId seriesId, org.mlc.ledger.common.AccountId beneficiary, LocalDate on,
                        SortedMap<Integer, Integer> circulation, String by, Instant at) {
        if (on == null) {
            throw DomainException.invalid("notes.release-day", "on: the day of the release, e.g. 2027-07-01")
                    .naming("on");
        }
        if (release != null) {
            throw DomainException.conflict("already-released", "notes.already-released",
                    "the notes of series {0} still in circulation were released on {1}", series, release.on());
        }
        LocalDate today = day(at);
        if (exchangeDeadline == null) {
            throw DomainException.refused("series-still-exchanged", "notes.release-without-deadline",
                    "series {0} has no exchange deadline: its notes are released only after one", series);
        }
        if (!today.isAfter(exchangeDeadline)) {
            throw DomainException.refused("series-still-exchanged", "notes.series-still-exchanged",
                    "the notes of series {0} are exchanged until {1}: release them after that day", series,
                    exchangeDeadline);
        }
        if (!on.isAfter(exchangeDeadline) || on.isAfter(today)) {
            throw DomainException.invalid("notes.release-day-range",
                    "on: a day after the exchange deadline ({0}) and not after today", exchangeDeadline)
                    .naming("on");
        }
        // when every note came back the release records nothing released: the series is done all the same
        circulation.values().removeIf(count -> count <= 0);
        long unitsMinor = Notes.valueMinor(circulation);
        apply(new NeverReturnedNotesReleased(seriesId, currency, beneficiary, on, circulation, unitsMinor, by, at));
        return unitsMinor;
    }

    /** Refuses ({@code series-expired}) when the exchange deadline is past: the notes are no longer taken back. */
    public void requireTakenBack(Instant at) {
        if (release != null || exchangeDeadline != null && day(at).isAfter(exchangeDeadline)) {
            throw DomainException.refused("series-expired", "notes.series-expired",
                    "the notes of series {0} were exchanged until {1}; they are no longer taken back", series,
                    exchangeDeadline);
        }
    }

    /** Refuses ({@code series-still-valid}) an exchange of notes of a series that is still sold. */
    public void requireEnded(Instant at) {
        if (validOn(day(at))) {
            throw DomainException.refused("series-still-valid", "notes.series-still-valid",
                    "series {0} is still valid: its notes are deposited, not exchanged", series);
        }
        requireTakenBack(at);
    }

    /** Refuses ({@code series-expired}) notes of a series past its last day: they are exchanged, not revalidated. */
    public void requireRevalidable(Instant at) {
        if (!validOn(day(at))) {
            throw DomainException.refused("series-expired", "notes.series-ended-revalidation",
                    "series {0} ended on {1}: its notes are exchanged at a counter, no longer revalidated", series,
                    validUntil).naming("series");
        }
    }

    private void requireSellable(Instant at) {
        if (!validOn(day(at))) {
            throw DomainException.refused("series-expired", "notes.series-ended",
                    "series {0} ended on {1}: its notes are no longer sold", series, validUntil);
        }
    }

    private boolean validOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }

    /** The refusal of moving more notes of a denomination than are held, with what is held. */
    private interface Shortage {
        DomainException of(int has, int denomination, int count);
    }

    private static void requireHeld(Map<Integer, Integer> held, Map<Integer, Integer> notes, Shortage shortage) {
        notes.forEach((denomination, count) -> {
            int has = held.getOrDefault(denomination, 0);
            if (has < count) {
                throw shortage.of(has, denomination, count).naming("notes");
            }
        });
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, org.mlc.ledger.common.CivilDay.ZONE);
    }

    private static void add(Map<Integer, Integer> into, Map<Integer, Integer> notes, int sign) {
        notes.forEach((d, n) -> into.merge(d, sign * n, (a, b) -> a + b == 0 ? null : Math.addExact(a, b)));
    }

    @EventSourcingHandler
    void on(NoteSeriesPrinted event) {
        id = event.seriesId();
        currency = event.currency();
        series = event.series();
        validUntil = event.validUntil();
        printedAt = event.at();
        add(vault, event.printed(), 1);
    }

    @EventSourcingHandler
    void on(NotesDispatched event) {
        add(vault, event.notes(), -1);
        add(out, event.notes(), 1);
        counters.add(event.counterId().value());
    }

    @EventSourcingHandler
    void on(NotesReturnedToVault event) {
        add(vault, event.notes(), 1);
        add(out, event.notes(), -1);
    }

    @EventSourcingHandler
    void on(DamagedNotesWithdrawn event) {
        if (event.counterId() == null) {
            add(vault, event.notes(), -1);
        } else {
            add(out, event.notes(), -1);
        }
        add(withdrawn, event.notes(), 1);
    }

    @EventSourcingHandler
    void on(SeriesKeptAtCounter event) {
        counters.add(event.counterId().value());
    }

    @EventSourcingHandler
    void on(NeverReturnedNotesReleased event) {
        add(out, event.notes(), -1);
        release = event;
    }

    @EventSourcingHandler
    void on(NotesDestroyed event) {
        add(withdrawn, event.notes(), -1);
    }

    @EventSourcingHandler
    void on(ExchangeDeadlineSet event) {
        exchangeDeadline = event.deadline();
    }

    public NoteSeriesId id() {
        return id;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public String series() {
        return series;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Instant printedAt() {
        return printedAt;
    }

    public Map<Integer, Integer> vault() {
        return new TreeMap<>(vault);
    }

    public Map<Integer, Integer> withdrawn() {
        return new TreeMap<>(withdrawn);
    }

    /** The counters that keep notes of the series, by id. */
    public java.util.List<CounterId> counters() {
        return counters.stream().map(CounterId::of).toList();
    }

    public LocalDate exchangeDeadline() {
        return exchangeDeadline;
    }
}
