package org.mlc.ledger.counter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.NoteExchangeId;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;

/**
 * An exchange counter: sells units for euros (as electronic credit or paper notes from its stock),
 * takes notes back, keeps what its drawer should hold per means of payment, closes its day
 * against what the agent counted, and remits its euros to the guarantee fund.
 */
@AggregateRoot
public class ExchangeCounter {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_REFERENCE_LENGTH = 200;

    /** Where a remittance stands. */
    public enum RemittanceStatus {
        TO_REMIT,
        REMITTED,
        CONFIRMED
    }

    @AggregateIdentifier
    private CounterId id;
    private CurrencyCode currency;
    private boolean closed;
    private final Drawer drawer = new Drawer();
    /** Paper notes in stock, by denomination. */
    private final SortedMap<Integer, Integer> stock = new TreeMap<>();
    /** The stock's notes by printed series (the rest are of no series). */
    private final SeriesStock seriesStock = new SeriesStock();
    @AggregateMember
    private final Remittances remittances = new Remittances();
    @AggregateMember
    private CounterDay day = new CounterDay();
    private final Closings closings = new Closings();
    /** The open day's conversions, for their cancellation (ConversionCancellationHandler). */
    @AggregateMember
    final Conversions conversions = new Conversions(drawer, stock, seriesStock);

    protected ExchangeCounter() {
        // for Axon
    }

    @CommandHandler
    public ExchangeCounter(DefineCounter command) {
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("counter.name-required", "name is required, at most {0} characters",
                    MAX_NAME_LENGTH);
        }
        if (command.host() != null && command.host().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("counter.host-too-long", "host is at most {0} characters", MAX_NAME_LENGTH);
        }
        apply(new CounterDefined(command.counterId(), command.name().strip(), command.currency(), command.host(),
                command.definedAt()));
    }

    /**
     * Checks a conversion before anything is recorded, and for paper notes chooses them from the
     * stock: null for a payout to an account.
     */
    public SortedMap<Integer, Integer> prepareConversion(long eurosMinor, PaidBy paidBy, Payout payout,
                                                        long unitsMinor, Instant at) {
        if (eurosMinor <= 0) {
            throw DomainException.invalid("conversion.euros-not-positive", "euros must be greater than zero");
        }
        if (paidBy == null) {
            throw DomainException.invalid("conversion.paid-by-required", "paidBy is required: CASH, CARD or CHEQUE");
        }
        if (payout == null) {
            throw DomainException.invalid("conversion.payout-required", "payout is required: ACCOUNT or NOTES");
        }
        requireOpen();
        if (unitsMinor <= 0) {
            throw DomainException.invalid("conversion.euros-too-small", "euros too small to buy one cent of units");
        }
        if (payout == Payout.ACCOUNT) {
            return null;
        }
        SortedMap<Integer, Integer> notes = Notes.makeUp(unitsMinor, seriesStock.sellable(stock, day(at)));
        if (notes == null) {
            throw DomainException.refused("notes-unavailable", "notes.unavailable",
                    "the note stock of counter {0} cannot make up exactly {1} (stock {2})", id,
                    Money.of(unitsMinor, currency.value()), String.valueOf(stock));
        }
        return notes;
    }

    /**
     * Records euros received for units (and, for notes, the notes handed over); the caller checked
     * with {@link #prepareConversion} and credits an account payout in the same unit of work.
     */
    public EurosConverted convert(ConversionId conversionId, AccountId accountId, long eurosMinor, PaidBy paidBy,
                                  Payout payout, long unitsMinor, long bonusMinor,
                                  SortedMap<Integer, Integer> notes, Instant at) {
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.OUTSIDE), cash(), eurosMinor)
                .build();
        EurosConverted event = new EurosConverted(conversionId, id, currency, accountId, eurosMinor, unitsMinor,
                bonusMinor, paidBy, payout, postings, at);
        apply(event);
        if (payout == Payout.NOTES) {
            // which series, before the sale leaves the stock
            List<SeriesNotes> lots = seriesStock.allocate(notes, stock, day(at)).stream()
                    .filter(lot -> lot.seriesId() != null).toList();
            apply(new NotesSold(id, currency, conversionId, accountId, notes, unitsMinor, Postings.builder()
                    .move(LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE),
                            LedgerAccount.of(currency.value(), LedgerAccountKind.PAPER_IN_CIRCULATION), unitsMinor)
                    .build(), at));
            if (!lots.isEmpty()) {
                apply(new NotesSoldFromSeries(id, conversionId, lots, at));
            }
        }
        return event;
    }

    /** Takes a membership fee in euros into the drawer; the caller renews the membership. */
    public void receiveMembershipFee(MembershipId membershipId, ParticipantId participantId, PaidBy paidBy,
                                     long eurosMinor, Instant at) {
        requireOpen();
        apply(new MembershipFeeReceived(id, currency, membershipId, participantId, paidBy, eurosMinor,
                Postings.builder()
                        .move(LedgerAccount.of(currency.value(), LedgerAccountKind.MEMBERSHIP_FEES), cash(), eurosMinor)
                        .build(), at));
    }

    /**
     * Records paper notes revalidated here, their fee paid in euros into the drawer; the caller
     * checked the counter open, worked the fee out and credits the beneficiary in the same unit of work.
     */
    public void revalidate(org.mlc.ledger.common.RevalidationId revalidationId, NoteSeriesId seriesId,
                           Map<Integer, Integer> notes, long feeMinor, PaidBy paidWith, LocalDate periodFrom,
                           LocalDate dueOn, AccountId beneficiaryAccount, String by, Instant at) {
        requireOpen();
        SortedMap<Integer, Integer> valid = Notes.validate(notes);
        apply(new NotesRevalidated(id, currency, revalidationId, seriesId, valid, Notes.valueMinor(valid), feeMinor,
                paidWith, periodFrom, dueOn, beneficiaryAccount, by, Postings.builder()
                        .move(LedgerAccount.of(currency.value(), LedgerAccountKind.OUTSIDE), cash(), feeMinor)
                        .build(), at));
    }

    @EventSourcingHandler
    void on(NotesRevalidated event) {
        // in the drawer, so expected at the closing; listed apart in the day report (not a conversion)
        drawer.add(event.paidWith(), event.feeMinor());
    }

    /** Refuses when the counter is closed for the day. */
    public void checkOpen() {
        requireOpen();
    }

    @EventSourcingHandler
    void on(MembershipFeeReceived event) {
        // in the drawer, so expected at the closing; the Z report's conversions do not include it
        drawer.add(event.paidBy(), event.eurosMinor());
    }

    /** Checks notes brought back by a member and returns their value; nothing is recorded. */
    public long prepareDeposit(Map<Integer, Integer> notes) {
        requireOpen();
        return Notes.valueMinor(Notes.validate(notes));
    }

    /** Takes the notes back into the stock; the caller credits the account in the same unit of work. */
    public void takeBack(DepositId depositId, AccountId accountId, Map<Integer, Integer> notes, Instant at) {
        SortedMap<Integer, Integer> valid = Notes.validate(notes);
        apply(new NotesTakenBack(id, depositId, accountId, valid, Notes.valueMinor(valid), at));
    }

    /** Takes notes of a series back into its stock; the caller credits the account in the same unit of work. */
    public void takeBackToSeries(DepositId depositId, AccountId accountId, NoteSeriesId seriesId,
                                 Map<Integer, Integer> notes, Instant at) {
        takeBack(depositId, accountId, notes, at);
        apply(new NotesTakenBackToSeries(id, depositId, seriesId, Notes.validate(notes), at));
    }

    /** Notes of a series from the association's vault; the caller took them out of the vault. */
    public void receiveFromVault(NoteSeriesId seriesId, String series, LocalDate validUntil, Instant printedAt,
                                 Map<Integer, Integer> notes, Instant at) {
        apply(new SeriesNotesReceived(id, seriesId, series, validUntil, printedAt, Notes.validate(notes), at));
    }

    /**
     * Keeps notes of a series apart from now on though none came from the vault, before some are
     * brought back here (nothing if the counter already does).
     */
    public void keepSeries(NoteSeriesId seriesId, String series, LocalDate validUntil, Instant printedAt, Instant at) {
        if (!seriesStock.keeps(seriesId)) {
            apply(new SeriesLotOpened(id, seriesId, series, validUntil, printedAt, at));
        }
    }

    /** Refuses unless the counter holds these notes of the series; records nothing. */
    public void requireHolds(NoteSeriesId seriesId, Map<Integer, Integer> notes) {
        seriesStock.requireHolds(id, seriesId, Notes.validate(notes));
    }

    /** Notes of a series back to the vault, damaged (withdrawn) or not; the caller checked {@link #requireHolds}. */
    public void sendToVault(NoteSeriesId seriesId, Map<Integer, Integer> notes, boolean damaged, String reason,
                            Instant at) {
        requireHolds(seriesId, notes);
        apply(new SeriesNotesSentToVault(id, seriesId, Notes.validate(notes), damaged, reason, at));
    }

    /**
     * Chooses valid notes worth as much as notes of an expired series brought back, from what the
     * counter sells ({@code notes-unavailable} when it cannot make the sum up); records nothing.
     */
    public List<SeriesNotes> prepareExchange(Map<Integer, Integer> received, Instant at) {
        requireOpen();
        long unitsMinor = Notes.valueMinor(Notes.validate(received));
        SortedMap<Integer, Integer> given = Notes.makeUp(unitsMinor, seriesStock.sellable(stock, day(at)));
        if (given == null) {
            throw DomainException.refused("notes-unavailable", "counter.cannot-make-up",
                    "counter {0} cannot make up {1} in valid notes", id, Amounts.format(unitsMinor));
        }
        return seriesStock.allocate(given, stock, day(at));
    }

    /** Records an exchange checked by {@link #prepareExchange}. */
    public void exchange(NoteExchangeId exchangeId, NoteSeriesId seriesId, Map<Integer, Integer> received,
                         List<SeriesNotes> given, Instant at) {
        SortedMap<Integer, Integer> valid = Notes.validate(received);
        apply(new ExpiredNotesExchanged(id, exchangeId, seriesId, valid, given, Notes.valueMinor(valid), at));
    }

    /** The counter's notes of a series, by denomination. */
    public Map<Integer, Integer> stockOf(NoteSeriesId seriesId) {
        return seriesStock.of(seriesId);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, CivilDay.ZONE);
    }

    @CommandHandler
    public CounterId handle(ReceiveNotes command) {
        apply(new NotesReceived(id, Notes.validate(command.notes()), command.at()));
        return id;
    }

    @CommandHandler
    public DayReport handle(CloseCounterDay command) {
        Closings.Closing closing = closings.close(command, closed, drawer, day);
        closing.events().forEach(AggregateLifecycle::apply);
        return closing.report();
    }

    /** A recount of a closing, with its reason: the difference is booked as the closing's was; the closing stays. */
    @CommandHandler
    public ClosingId handle(CorrectClosing command) {
        apply(closings.correct(command));
        return command.closingId();
    }

    /** By the reconversion package's handler, which records the inflow on the fund in the same unit of work. */
    public void coverShortfall(CoverShortfall command) {
        apply(closings.cover(command));
    }

    /** Shortfalls found at closings and recounts, net of surpluses, not covered by the association. */
    public long uncoveredShortfallMinor() {
        return closings.uncoveredShortfallMinor();
    }

    @CommandHandler
    public CounterId handle(ReopenCounter command) {
        if (closed) {
            apply(new CounterReopened(id, command.at()));
        }
        return id;
    }

    @CommandHandler
    public RemittanceId handle(PrepareRemittance command) {
        if (command.eurosMinor() <= 0) {
            throw DomainException.invalid("remittance.euros-not-positive", "euros must be greater than zero");
        }
        PaidBy means = command.means() == null ? PaidBy.CASH : command.means();
        drawer.requireHolds(id, means, command.eurosMinor());
        remittances.requireNew(command.remittanceId());
        apply(new RemittancePrepared(id, command.remittanceId(), means, command.eurosMinor(), command.at()));
        return command.remittanceId();
    }

    @CommandHandler
    public RemittanceId handle(DepositRemittance command) {
        Remittances.Remittance remittance = remittances.get(id, command.remittanceId());
        if (remittance.status() == RemittanceStatus.TO_REMIT) {
            apply(new RemittanceDeposited(id, command.remittanceId(), command.at()));
        }
        return command.remittanceId();
    }

    /** By the reconversion package's handler, which records the inflow on the guarantee fund too. */
    public RemittanceId handle(ConfirmRemittance command) {
        confirmRemittance(command.remittanceId(), command.bankReference(), command.at());
        return command.remittanceId();
    }

    /** Confirms a remittance; also called by the bank statement import, in its unit of work. */
    public void confirmRemittance(RemittanceId remittanceId, String bankReference, Instant at) {
        remittances.confirm(id, currency, remittanceId, bankReference, at);
    }

    /**
     * Undoes a remittance's confirmation (a wrong bank statement match): remitted again, its euros
     * back to counter cash. By the bank package's handler, which reverses the fund's inflow too.
     */
    public void undoRemittanceConfirmation(RemittanceId remittanceId, String reason, String by, Instant at) {
        remittances.undoConfirmation(id, currency, remittanceId, reason, by, at);
    }

    /** The amount of a remittance, or -1 if this counter has none by that id. */
    public long remittanceEurosMinor(RemittanceId remittanceId) {
        Remittances.Remittance remittance = remittances.find(remittanceId);
        return remittance == null ? -1 : remittance.eurosMinor();
    }

    private void requireOpen() {
        if (closed) {
            throw DomainException.refused("counter-closed", "counter.closed",
                    "counter {0} is closed until it is reopened",
                    id);
        }
    }

    private LedgerAccount cash() {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.COUNTER_CASH, id.value());
    }

    @EventSourcingHandler
    void on(CounterDefined event) {
        id = event.counterId();
        currency = event.currency();
        closings.defined(event.counterId(), event.currency(), event.definedAt());
    }

    @EventSourcingHandler
    void on(EurosConverted event) {
        drawer.add(event.paidBy(), event.eurosMinor());
        day.converted(event);
    }

    @EventSourcingHandler
    void on(NotesReceived event) {
        event.notes().forEach((d, n) -> stock.merge(d, n, Math::addExact));
        day.notesReceived(event.notes());
    }

    @EventSourcingHandler
    void on(NotesSold event) {
        event.notes().forEach((d, n) -> stock.merge(d, -n, Math::addExact));
        day.notesSold(event.notes());
    }

    @EventSourcingHandler
    void on(SeriesNotesReceived event) {
        event.notes().forEach((d, n) -> stock.merge(d, n, Math::addExact));
        seriesStock.received(event);
        day.notesReceived(event.notes());
    }

    @EventSourcingHandler
    void on(SeriesLotOpened event) {
        seriesStock.opened(event);
    }

    @EventSourcingHandler
    void on(SeriesNotesSentToVault event) {
        event.notes().forEach((d, n) -> stock.merge(d, -n, Math::addExact));
        seriesStock.add(event.seriesId(), event.notes(), -1);
    }

    @EventSourcingHandler
    void on(NotesSoldFromSeries event) {
        // the total stock left with the sale's NotesSold
        event.lots().forEach(lot -> seriesStock.add(lot.seriesId(), lot.notes(), -1));
    }

    @EventSourcingHandler
    void on(NotesTakenBackToSeries event) {
        seriesStock.add(event.seriesId(), event.notes(), 1);
    }

    @EventSourcingHandler
    void on(ExpiredNotesExchanged event) {
        event.received().forEach((d, n) -> stock.merge(d, n, Math::addExact));
        seriesStock.add(event.seriesId(), event.received(), 1);
        for (SeriesNotes lot : event.given()) {
            lot.notes().forEach((d, n) -> stock.merge(d, -n, Math::addExact));
            if (lot.seriesId() != null) {
                seriesStock.add(lot.seriesId(), lot.notes(), -1);
            }
        }
    }

    @EventSourcingHandler
    void on(NotesTakenBack event) {
        event.notes().forEach((d, n) -> stock.merge(d, n, Math::addExact));
        day.notesTakenBack(event.notes());
    }

    @EventSourcingHandler
    void on(Closings.Fact event) {
        closings.on(event, drawer);
    }

    @EventSourcingHandler
    void on(CounterDayClosed event) {
        closed = true;
        day = new CounterDay();
        drawer.dayClosed();
        closings.closed(event.closingId(), event.report().countedMinor(), event.at());
    }

    @EventSourcingHandler
    void on(CounterReopened event) {
        closed = false;
    }

    @EventSourcingHandler
    void on(RemittancePrepared event) {
        drawer.add(event.means(), -event.eurosMinor());
    }

    public CounterId id() {
        return id;
    }

    public CurrencyCode currency() {
        return currency;
    }

    /** What the drawer should hold, all means together. */
    public long expectedCashMinor() {
        return drawer.expectedMinor();
    }

    public long expectedMinor(PaidBy means) {
        return drawer.expectedMinor(means);
    }

    public Map<Integer, Integer> stock() {
        return new TreeMap<>(stock);
    }

    public RemittanceStatus remittanceStatus(RemittanceId remittanceId) {
        Remittances.Remittance remittance = remittances.find(remittanceId);
        return remittance == null ? null : remittance.status();
    }
}
