package org.mlc.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.account.RevalidationFeeReceived;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.RevalidationId;
import org.mlc.ledger.counter.CloseCounterDay;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.counter.NotesRevalidated;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.counter.ReceiveNotes;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.demurrage.SetDemurrage;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.ValueMovement;
import org.mlc.ledger.participant.ParticipantKind;

/** Revalidation stamps of paper notes: the fee, who receives it, its books, and every refusal. */
class NoteRevalidationTest {

    private static final CurrencyCode PARI = CurrencyCode.of("PARI");
    private static final CurrencyCode AUTRE = CurrencyCode.of("AUTRE");
    private static final CounterId COUNTER = CounterId.of("counter-pari");
    private static final AccountId FUND = AccountId.of("acc-fund");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final LocalDate JAN = LocalDate.of(2027, 1, 1);
    private static final Instant NOW = Instant.parse("2027-01-02T09:00:00Z");
    private static final Instant LATER = Instant.parse("2027-03-02T09:00:00Z");

    private InMemoryLedger ledger;
    private int revalidations;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineCurrency(PARI, "Pari", new ConversionPolicy(100, 100));
        ledger.defineCurrency(AUTRE, "Autre", new ConversionPolicy(100, 100));
        ledger.defineCounter(COUNTER, PARI);
        ledger.register(ParticipantId.of("p-fund"), ParticipantKind.ASSOCIATION, FUND, PARI, null);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, PARI);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void policy(String rate) {
        ledger.send(new SetDemurrage(PARI, new BigDecimal(rate), 6, JAN, 0, null, FUND, false, T0));
    }

    private NoteRevalidation revalidate(NoteSeriesId series, Map<Integer, Integer> notes, PaidBy paidWith,
                                        Instant at) {
        return ledger.send(new RevalidateNotes(COUNTER, RevalidationId.of("reval-" + ++revalidations), series, notes,
                paidWith, "agent", at));
    }

    private long balance(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::balanceMinor);
    }

    private long drawer() {
        return ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::expectedCashMinor);
    }

    private long revalidationEvents() {
        return ledger.eventsOf(COUNTER.value()).stream().filter(NotesRevalidated.class::isInstance).count()
                + ledger.eventsOf(FUND.value()).stream().filter(RevalidationFeeReceived.class::isInstance).count();
    }

    @Test
    void theFeeIsTheRateOfTheFaceValueRoundedUpToTheCentAndGoesToTheBeneficiary() {
        policy("0.015");

        // 35.00 at 1.5 % is 0.525: rounded up, 0.53
        NoteRevalidation done = revalidate(null, Map.of(10, 3, 5, 1), PaidBy.CASH, NOW);

        assertThat(done.faceValueMinor()).isEqualTo(35_00);
        assertThat(done.feeMinor()).isEqualTo(53);
        assertThat(done.dueOn()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(done.periodFrom()).isEqualTo(JAN);
        assertThat(done.beneficiaryAccount()).isEqualTo(FUND.value());
        assertThat(balance(FUND)).isEqualTo(53);
        assertThat(drawer()).isEqualTo(53);
        long cash = ledger.inspect(ExchangeCounter.class, COUNTER.value(), c -> c.expectedMinor(PaidBy.CASH));
        assertThat(cash).isEqualTo(53);
    }

    @Test
    void theEuroSideEntersTheCounterCashAndTheUnitsAreIssuedToTheFundBothBooksBalanced() {
        policy("0.02");

        revalidate(null, Map.of(20, 1), PaidBy.CARD, NOW);

        NotesRevalidated revalidated = (NotesRevalidated) ledger.eventsOf(COUNTER.value()).stream()
                .filter(NotesRevalidated.class::isInstance).findFirst().orElseThrow();
        assertThat(revalidated.notes()).isEqualTo(Map.of(20, 1));
        assertThat(revalidated.feeMinor()).isEqualTo(40);
        assertThat(revalidated.paidWith()).isEqualTo(PaidBy.CARD);
        assertThat(revalidated.by()).isEqualTo("agent");
        assertThat(revalidated.beneficiaryAccount()).isEqualTo(FUND);
        assertThat(revalidated.postings().netOf(LedgerAccount.of("PARI", LedgerAccountKind.COUNTER_CASH,
                COUNTER.value()))).isEqualTo(40);
        assertThat(revalidated.postings().netOf(LedgerAccount.of("PARI", LedgerAccountKind.OUTSIDE))).isEqualTo(-40);
        RevalidationFeeReceived received = (RevalidationFeeReceived) ledger.eventsOf(FUND.value()).stream()
                .filter(RevalidationFeeReceived.class::isInstance).findFirst().orElseThrow();
        assertThat(received.postings().netOf(LedgerAccount.of("PARI", LedgerAccountKind.ISSUANCE))).isEqualTo(-40);
        assertThat(received.entryLabel()).isEqualTo(new EntryLabel("REVALIDATION_FEE", "reval-1", COUNTER.value(),
                "période du 01/01/2027 au 30/06/2027"));
        // each book sums to zero over everything recorded
        Map<String, Long> books = new HashMap<>();
        ledger.allEvents().stream().filter(ValueMovement.class::isInstance).map(ValueMovement.class::cast)
                .flatMap(m -> m.postings().lines().stream())
                .forEach(line -> books.merge(line.account().kind().book().name(), line.amountMinor(), Long::sum));
        assertThat(books.values()).allMatch(total -> total == 0);
    }

    @Test
    void onADueDateTheRevalidationPaysForThePeriodThatDateCloses() {
        policy("0.02");

        NoteRevalidation before = revalidate(null, Map.of(10, 1), PaidBy.CASH, T0);
        NoteRevalidation onTheDay = revalidate(null, Map.of(10, 1), PaidBy.CASH, Instant.parse("2027-01-01T09:00:00Z"));

        assertThat(before.dueOn()).isEqualTo(JAN);
        assertThat(before.periodFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(onTheDay.dueOn()).isEqualTo(JAN);
    }

    @Test
    void refusedWhenTheCurrencyHasNoFonte() {
        assertRefused(() -> revalidate(null, Map.of(10, 1), PaidBy.CASH, NOW), Kind.REFUSED, "demurrage-off");
        policy("0.02");
        policy("0");
        assertRefused(() -> revalidate(null, Map.of(10, 1), PaidBy.CASH, NOW), Kind.REFUSED, "demurrage-off");
        assertThat(revalidationEvents()).isZero();
    }

    @Test
    void refusesAnUnknownDenominationACountNotAboveZeroNoNotesAndNoMeansOfPayment() {
        policy("0.02");

        assertRefused(() -> revalidate(null, Map.of(3, 1), PaidBy.CASH, NOW), Kind.INVALID, "validation");
        assertRefused(() -> revalidate(null, Map.of(10, 0), PaidBy.CASH, NOW), Kind.INVALID, "validation");
        assertRefused(() -> revalidate(null, Map.of(10, 2, 5, 0), PaidBy.CASH, NOW), Kind.INVALID, "validation");
        assertRefused(() -> revalidate(null, Map.of(10, -1), PaidBy.CASH, NOW), Kind.INVALID, "validation");
        assertRefused(() -> revalidate(null, Map.of(), PaidBy.CASH, NOW), Kind.INVALID, "validation");
        assertRefused(() -> revalidate(null, Map.of(10, 1), null, NOW), Kind.INVALID, "validation");
        assertThat(revalidationEvents()).isZero();
    }

    @Test
    void refusedWhileTheCounterIsClosed() {
        policy("0.02");
        ledger.send(new CloseCounterDay(COUNTER, ClosingId.of("z-1"), Map.of(), NOW, "agent"));

        assertRefused(() -> revalidate(null, Map.of(10, 1), PaidBy.CASH, NOW), Kind.REFUSED, "counter-closed");
        assertThat(revalidationEvents()).isZero();
    }

    @Test
    void refusedWhenTheBeneficiaryCannotReceiveAndNothingIsRecorded() {
        policy("0.02");
        ledger.send(new FreezeAccount(FUND, "enquête", NOW));

        assertRefused(() -> revalidate(null, Map.of(10, 1), PaidBy.CASH, NOW), Kind.REFUSED, "account-frozen");
        assertThat(revalidationEvents()).isZero();
        assertThat(drawer()).isZero();
    }

    @Test
    void notesOfANamedSeriesAreRevalidatedOnlyWhileItIsSoldAndOnlyAsManyAsItHasInCirculation() {
        policy("0.02");
        NoteSeriesId series = ledger.send(new PrintNoteSeries(PARI, "2027-A", Map.of(10, 100),
                LocalDate.of(2027, 2, 28), null, "admin", T0));
        ledger.send(new DispatchNotes(series, COUNTER, Map.of(10, 10), "admin", T0));
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("conv-1"), ALICE, 20_00, PaidBy.CASH, Payout.NOTES,
                NOW));

        assertRefused(() -> revalidate(series, Map.of(10, 3), PaidBy.CASH, NOW), Kind.REFUSED, "not-in-circulation");
        assertThat(revalidate(series, Map.of(10, 2), PaidBy.CASH, NOW).feeMinor()).isEqualTo(40);
        assertRefused(() -> revalidate(series, Map.of(10, 1), PaidBy.CASH, LATER), Kind.REFUSED, "series-expired");
        assertRefused(() -> revalidate(NoteSeriesId.of("PARI-NOPE"), Map.of(10, 1), PaidBy.CASH, NOW),
                Kind.NOT_FOUND, "not-found");
        NoteSeriesId other = ledger.send(new PrintNoteSeries(AUTRE, "2027-A", Map.of(10, 100), null, null, "admin",
                T0));
        assertRefused(() -> revalidate(other, Map.of(10, 1), PaidBy.CASH, NOW), Kind.REFUSED, "currency-mismatch");
        assertThat(balance(FUND)).isEqualTo(40);
    }

    @Test
    void notesOfNoSeriesAreRevalidatedWithoutACirculationCheck() {
        policy("0.02");
        ledger.send(new ReceiveNotes(COUNTER, Map.of(50, 2), T0));

        assertThat(revalidate(null, Map.of(50, 2), PaidBy.CHEQUE, NOW).feeMinor()).isEqualTo(2_00);
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::stock))
                .isEqualTo(Map.of(50, 2));
    }

    private org.mlc.ledger.counter.Deposit depositUnstamped(Map<Integer, Integer> notes, Map<Integer, Integer> unstamped,
                                                           Instant at) {
        return ledger.send(new org.mlc.ledger.counter.DepositNotes(COUNTER,
                org.mlc.ledger.common.DepositId.of("dep-" + ++revalidations), ALICE, notes, unstamped, at));
    }

    @Test
    void notesDepositedWithoutTheirStampAreCreditedLessTheFeeWhichGoesToTheFundFromPaper() {
        policy("0.02");
        ledger.send(new ReceiveNotes(COUNTER, Map.of(10, 5), T0));
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("conv-1"), ALICE, 30_00, PaidBy.CASH, Payout.NOTES,
                T0));

        // three notes of 10 back, two of them without the stamp of the period that ended on 01/01/2027
        org.mlc.ledger.counter.Deposit deposit = depositUnstamped(Map.of(10, 3), Map.of(10, 2), NOW);

        assertThat(deposit.feeMinor()).isEqualTo(40);
        assertThat(deposit.unitsMinor()).isEqualTo(29_60);
        assertThat(balance(ALICE)).isEqualTo(29_60);
        assertThat(balance(FUND)).isEqualTo(40);
        var received = (org.mlc.ledger.account.UnstampedNotesFeeReceived) ledger.eventsOf(FUND.value()).stream()
                .filter(org.mlc.ledger.account.UnstampedNotesFeeReceived.class::isInstance).findFirst().orElseThrow();
        assertThat(received.dueOn()).isEqualTo(JAN);
        assertThat(received.periodFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
        long paper = ledger.allEvents().stream().filter(ValueMovement.class::isInstance).map(ValueMovement.class::cast)
                .mapToLong(m -> m.postings().netOf(LedgerAccount.of("PARI", LedgerAccountKind.PAPER_IN_CIRCULATION)))
                .sum();
        assertThat(paper).as("all the paper sold came back").isZero();
        // a deposit without unstamped notes is credited in full, as always
        assertThat(depositUnstamped(Map.of(10, 1), null, NOW).unitsMinor()).isEqualTo(10_00);
    }

    @Test
    void aFeeIsDeductedOnlyFromNotesDepositedOnlyOnceADueDatePassedAndOnlyWithAFonte() {
        ledger.send(new ReceiveNotes(COUNTER, Map.of(10, 5), T0));
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("conv-1"), ALICE, 30_00, PaidBy.CASH, Payout.NOTES,
                T0));

        assertRefused(() -> depositUnstamped(Map.of(10, 1), Map.of(10, 1), NOW), Kind.REFUSED, "demurrage-off");
        policy("0.02");
        assertRefused(() -> depositUnstamped(Map.of(10, 1), Map.of(10, 2), NOW), Kind.INVALID, "validation");
        assertRefused(() -> depositUnstamped(Map.of(10, 1), Map.of(20, 1), NOW), Kind.INVALID, "validation");
        assertRefused(() -> depositUnstamped(Map.of(10, 1), Map.of(10, 1), T0), Kind.REFUSED, "no-deadline-passed");
        assertThat(balance(ALICE)).isZero();
        assertThat(balance(FUND)).isZero();
    }
}
