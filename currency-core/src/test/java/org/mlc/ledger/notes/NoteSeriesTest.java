package org.mlc.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.NoteExchangeId;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.account.ReleasedNotesReceived;
import org.mlc.ledger.counter.SeriesLotOpened;
import org.mlc.ledger.counter.CancelConversion;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.counter.NotesSold;
import org.mlc.ledger.counter.NotesSoldFromSeries;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.counter.ReceiveNotes;
import org.mlc.ledger.counter.SeriesNotes;
import org.mlc.ledger.currency.ConversionPolicy;

/** Printed series from the vault to destruction, sold oldest first, ending, exchanged and refused. */
class NoteSeriesTest {

    /** A currency at parity, so that euros buy as many whole units. */
    private static final CurrencyCode PARI = CurrencyCode.of("PARI");
    private static final CounterId COUNTER = CounterId.of("counter-pari");
    private static final CounterId ROUE_COUNTER = CounterId.of("counter-roue");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId FUND = AccountId.of("acc-fund");
    private static final CounterId OTHER_COUNTER = CounterId.of("counter-pari-2");
    private static final Instant AFTER_DEADLINE = Instant.parse("2027-01-02T10:00:00Z");
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    private static final NoteSeriesId A = NoteSeriesId.of("PARI-2026-A");
    private static final NoteSeriesId B = NoteSeriesId.of("PARI-2026-B");
    private static final Instant MARCH = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant JULY = Instant.parse("2026-07-02T10:00:00Z");
    private static final Instant NEXT_YEAR = Instant.parse("2027-02-02T10:00:00Z");
    private static final LocalDate END_OF_JUNE = LocalDate.of(2026, 6, 30);

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineCurrency(PARI, "Pari", new ConversionPolicy(100, 100));
        ledger.defineLaRoue();
        ledger.defineCounter(COUNTER, PARI);
        ledger.defineCounter(ROUE_COUNTER, LAROUE);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, PARI);
        ledger.register(ParticipantId.of("p-fund"), ParticipantKind.ASSOCIATION, FUND, PARI, null);
        ledger.defineCounter(OTHER_COUNTER, PARI);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private NoteSeriesId print(String series, Map<Integer, Integer> printed, LocalDate validUntil, Instant at) {
        return ledger.send(new PrintNoteSeries(PARI, series, printed, validUntil, null, "admin", at));
    }

    private void dispatch(NoteSeriesId series, Map<Integer, Integer> notes, Instant at) {
        ledger.send(new DispatchNotes(series, COUNTER, notes, "admin", at));
    }

    private void sell(String conversion, long euros, Instant at) {
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of(conversion), ALICE, euros * 100, PaidBy.CASH,
                Payout.NOTES, at));
    }

    private Map<Integer, Integer> vault(NoteSeriesId series) {
        return ledger.inspect(NoteSeries.class, series.value(), NoteSeries::vault);
    }

    private Map<Integer, Integer> atCounter(NoteSeriesId series) {
        return ledger.inspect(ExchangeCounter.class, COUNTER.value(), c -> c.stockOf(series));
    }

    private List<SeriesNotes> lotsSold() {
        return ledger.eventsOf(COUNTER.value()).stream().filter(NotesSoldFromSeries.class::isInstance)
                .map(e -> ((NotesSoldFromSeries) e).lots()).reduce((a, b) -> b).orElse(List.of());
    }

    @Test
    void aPrintedSeriesIsInTheVaultUnderAnIdOfItsCurrencyAndUpperCasedName() {
        NoteSeriesId id = print(" 2026-a ", Map.of(1, 5000, 2, 5000, 5, 4000, 10, 3000, 20, 2000, 50, 500), null,
                T0);

        assertThat(id).isEqualTo(A);
        assertThat(vault(A)).isEqualTo(Map.of(1, 5000, 2, 5000, 5, 4000, 10, 3000, 20, 2000, 50, 500));
        assertThat(ledger.eventsOf(A.value())).singleElement().isInstanceOf(NoteSeriesPrinted.class);
    }

    @Test
    void aSeriesNameIsUniqueInItsCurrencyOnly() {
        print("2026-A", Map.of(10, 100), null, T0);

        assertRefused(() -> print("2026-a", Map.of(10, 5), null, T0), Kind.CONFLICT, "series-exists");
        NoteSeriesId roue = ledger.send(new PrintNoteSeries(LAROUE, "2026-A", Map.of(10, 5), null, null, "admin",
                T0));
        assertThat(roue.value()).isEqualTo("LAROUE-2026-A");
        assertThat(vault(A)).isEqualTo(Map.of(10, 100));
    }

    @Test
    void refusesAnUnknownDenominationACountBeyondTheLimitABadNameAndAnUnknownCurrency() {
        assertRefused(() -> print("2026-A", Map.of(3, 10), null, T0), Kind.INVALID, "validation");
        assertRefused(() -> print("2026-A", Map.of(10, NoteSeriesPolicy.MAX_PRINTED_PER_DENOMINATION + 1), null, T0),
                Kind.INVALID, "validation");
        assertRefused(() -> print("2026-A", Map.of(10, 0), null, T0), Kind.INVALID, "validation");
        assertRefused(() -> print("2026 A!", Map.of(10, 10), null, T0), Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new PrintNoteSeries(CurrencyCode.of("NOPE"), "2026-A", Map.of(10, 1), null,
                null, "admin", T0)), Kind.NOT_FOUND, "not-found");
        assertThat(ledger.eventsOf(A.value())).isEmpty();
    }

    @Test
    void serialNumbersNumberExactlyTheNotesPrinted() {
        assertRefused(() -> ledger.send(new PrintNoteSeries(PARI, "2026-A", Map.of(10, 3000), null,
                Map.of(10, new SerialRange("B000001", "B002999")), "admin", T0)), Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new PrintNoteSeries(PARI, "2026-A", Map.of(10, 3000), null,
                Map.of(20, new SerialRange("B000001", "B003000")), "admin", T0)), Kind.INVALID, "validation");

        ledger.send(new PrintNoteSeries(PARI, "2026-A", Map.of(10, 3000), null,
                Map.of(10, new SerialRange("B000001", "B003000")), "admin", T0));
        NoteSeriesPrinted printed = (NoteSeriesPrinted) ledger.eventsOf(A.value()).get(0);
        assertThat(printed.serials()).isEqualTo(Map.of(10, new SerialRange("B000001", "B003000")));
    }

    @Test
    void aDispatchMovesNotesFromTheVaultToTheCounterAndNoFurther() {
        print("2026-A", Map.of(10, 100, 50, 5), null, T0);

        dispatch(A, Map.of(10, 40), T0);

        assertThat(vault(A)).isEqualTo(Map.of(10, 60, 50, 5));
        assertThat(atCounter(A)).isEqualTo(Map.of(10, 40));
        assertRefused(() -> dispatch(A, Map.of(50, 6), T0), Kind.REFUSED, "vault-short");
        assertRefused(() -> ledger.send(new DispatchNotes(A, ROUE_COUNTER, Map.of(10, 1), "admin", T0)),
                Kind.REFUSED, "currency-mismatch");
        assertThat(vault(A)).isEqualTo(Map.of(10, 60, 50, 5));
    }

    @Test
    void aSeriesPastItsLastDayIsNeitherDispatchedNorSold() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        print("2026-B", Map.of(10, 100), null, MARCH);
        dispatch(A, Map.of(10, 10), MARCH);
        dispatch(B, Map.of(10, 10), MARCH);

        assertRefused(() -> dispatch(A, Map.of(10, 1), JULY), Kind.REFUSED, "series-expired");
        sell("c-1", 30, JULY);

        assertThat(lotsSold()).containsExactly(new SeriesNotes(B, Map.of(10, 3)));
        assertThat(atCounter(A)).isEqualTo(Map.of(10, 10));
        assertRefused(() -> sell("c-2", 80, JULY), Kind.REFUSED, "notes-unavailable");
    }

    @Test
    void aCounterSellsNotesOfNoSeriesFirstThenTheOldestValidSeries() {
        print("2026-A", Map.of(10, 100), null, T0);
        print("2026-B", Map.of(10, 100), null, MARCH);
        dispatch(B, Map.of(10, 10), MARCH);
        dispatch(A, Map.of(10, 2), MARCH);
        ledger.send(new ReceiveNotes(COUNTER, Map.of(10, 1), MARCH));

        sell("c-1", 50, MARCH);

        NotesSold sold = (NotesSold) ledger.eventsOf(COUNTER.value()).stream().filter(NotesSold.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(sold.notes()).isEqualTo(Map.of(10, 5));
        assertThat(lotsSold()).containsExactly(new SeriesNotes(A, Map.of(10, 2)), new SeriesNotes(B, Map.of(10, 2)));
        assertThat(atCounter(A)).isEmpty();
        assertThat(atCounter(B)).isEqualTo(Map.of(10, 8));
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::stock))
                .isEqualTo(Map.of(10, 8));
    }

    @Test
    void aCancelledSaleReturnsItsNotesToTheirSeries() {
        print("2026-A", Map.of(10, 100), null, T0);
        dispatch(A, Map.of(10, 10), MARCH);
        sell("c-1", 30, MARCH);

        ledger.send(new CancelConversion(COUNTER, ConversionId.of("c-1"), "wrong amount", "agent", MARCH));

        assertThat(atCounter(A)).isEqualTo(Map.of(10, 10));
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::stock))
                .isEqualTo(Map.of(10, 10));
    }

    @Test
    void notesGoBackToTheVaultOnlyFromTheCounterThatHoldsThem() {
        print("2026-A", Map.of(10, 100), null, T0);
        dispatch(A, Map.of(10, 10), T0);

        assertRefused(() -> ledger.send(new ReturnNotes(A, COUNTER, Map.of(10, 11), "admin", T0)), Kind.REFUSED,
                "notes-unavailable");
        ledger.send(new ReturnNotes(A, COUNTER, Map.of(10, 4), "admin", T0));

        assertThat(vault(A)).isEqualTo(Map.of(10, 94));
        assertThat(atCounter(A)).isEqualTo(Map.of(10, 6));
    }

    @Test
    void damagedNotesAreWithdrawnFromTheVaultOrACounterWithAReasonThenDestroyedBeforeAnotherPerson() {
        print("2026-A", Map.of(10, 100, 5, 10), null, T0);
        dispatch(A, Map.of(10, 10), T0);

        assertRefused(() -> ledger.send(new WithdrawDamagedNotes(A, null, Map.of(5, 1), " ", "admin", T0)),
                Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new WithdrawDamagedNotes(A, COUNTER, Map.of(5, 1), "torn", "admin", T0)),
                Kind.REFUSED, "notes-unavailable");
        ledger.send(new WithdrawDamagedNotes(A, COUNTER, Map.of(10, 1), "torn", "admin", T0));
        ledger.send(new WithdrawDamagedNotes(A, null, Map.of(5, 2), "stained", "admin", T0));

        assertThat(atCounter(A)).isEqualTo(Map.of(10, 9));
        assertThat(vault(A)).isEqualTo(Map.of(10, 90, 5, 8));
        assertThat(ledger.inspect(NoteSeries.class, A.value(), NoteSeries::withdrawn))
                .isEqualTo(Map.of(10, 1, 5, 2));

        assertRefused(() -> ledger.send(new DestroyNotes(A, Map.of(5, 2), "shredded", "Admin ", "admin", T0)),
                Kind.REFUSED, "same-witness");
        assertRefused(() -> ledger.send(new DestroyNotes(A, Map.of(5, 2), "shredded", null, "admin", T0)),
                Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new DestroyNotes(A, Map.of(5, 3), "shredded", "Claire", "admin", T0)),
                Kind.REFUSED, "not-withdrawn");
        ledger.send(new DestroyNotes(A, Map.of(5, 2, 10, 1), "shredded", "Claire", "admin", T0));

        assertThat(ledger.inspect(NoteSeries.class, A.value(), NoteSeries::withdrawn)).isEmpty();
        assertThat(ledger.eventsOf(A.value()).get(ledger.eventsOf(A.value()).size() - 1))
                .isEqualTo(new NotesDestroyed(A, Map.of(5, 2, 10, 1), "shredded", "admin", "Claire", T0));
    }

    @Test
    void aDepositNamingItsSeriesIsCreditedAndJoinsThatSeriesUntilTheExchangeDeadline() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        dispatch(A, Map.of(10, 10), MARCH);
        sell("c-1", 50, MARCH);
        ledger.send(new SetExchangeDeadline(A, PARI, LocalDate.of(2026, 12, 31), "admin", MARCH));

        ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-1"), ALICE, A, Map.of(10, 2), JULY));

        assertThat(atCounter(A)).isEqualTo(Map.of(10, 7));
        assertThat(ledger.inspect(Account.class, ALICE.value(), Account::availableMinor)).isEqualTo(2000);
        assertRefused(() -> ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-2"), ALICE, A, Map.of(10, 1),
                NEXT_YEAR)), Kind.REFUSED, "series-expired");
        assertThat(ledger.inspect(Account.class, ALICE.value(), Account::availableMinor)).isEqualTo(2000);
    }

    @Test
    void notesOfAnEndedSeriesAreExchangedAtParForValidOnesUntilTheDeadline() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        print("2026-B", Map.of(5, 100, 20, 100), null, MARCH);
        dispatch(A, Map.of(10, 10), MARCH);
        dispatch(B, Map.of(20, 5, 5, 4), MARCH);
        sell("c-1", 50, MARCH);
        NoteExchangeId exchange = NoteExchangeId.of("x-1");

        assertRefused(() -> ledger.send(new ExchangeExpiredNotes(COUNTER, exchange, A, Map.of(10, 1), MARCH)),
                Kind.REFUSED, "series-still-valid");
        NoteExchange answer = ledger.send(new ExchangeExpiredNotes(COUNTER, exchange, A, Map.of(10, 1), JULY));

        assertThat(answer.unitsMinor()).isEqualTo(1000);
        assertThat(answer.given()).containsExactly(new SeriesNotes(B, Map.of(5, 2)));
        // the sale took two 20s of B and a 10 of A; the exchange takes that 10 back for two 5s of B
        assertThat(atCounter(A)).isEqualTo(Map.of(10, 10));
        assertThat(atCounter(B)).isEqualTo(Map.of(20, 3, 5, 2));

        ledger.send(new SetExchangeDeadline(A, PARI, LocalDate.of(2026, 12, 31), "admin", JULY));
        assertRefused(() -> ledger.send(new ExchangeExpiredNotes(COUNTER, NoteExchangeId.of("x-2"), A, Map.of(10, 1),
                NEXT_YEAR)), Kind.REFUSED, "series-expired");
    }

    @Test
    void anExchangeDeadlineFollowsTheSeriesLastDayInItsOwnCurrency() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        print("2026-B", Map.of(10, 100), null, T0);

        assertRefused(() -> ledger.send(new SetExchangeDeadline(A, PARI, LocalDate.of(2026, 6, 29), "admin", T0)),
                Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new SetExchangeDeadline(B, PARI, LocalDate.of(2026, 12, 31), "admin", T0)),
                Kind.REFUSED, "series-without-end");
        assertRefused(() -> ledger.send(new SetExchangeDeadline(A, LAROUE, LocalDate.of(2026, 12, 31), "admin", T0)),
                Kind.NOT_FOUND, "not-found");
        ledger.send(new SetExchangeDeadline(A, PARI, END_OF_JUNE, "admin", T0));
        assertThat(ledger.eventsOf(A.value())).last().isInstanceOf(ExchangeDeadlineSet.class);
    }

    private long balance(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::availableMinor);
    }

    private Map<Integer, Integer> stockAt(CounterId counter, NoteSeriesId series) {
        return ledger.inspect(ExchangeCounter.class, counter.value(), c -> c.stockOf(series));
    }

    private NotesRelease release(LocalDate on, Instant at) {
        return ledger.send(new ReleaseNeverReturnedNotes(A, FUND, on, "admin", at));
    }

    /** Series A ended at the end of June and exchanged until the end of the year: 2 × 50 + 1 × 10 sold, a 10 back. */
    private void closedSeriesWithNotesOut() {
        print("2026-A", Map.of(10, 100, 50, 10), END_OF_JUNE, T0);
        dispatch(A, Map.of(10, 10, 50, 4), MARCH);
        sell("c-1", 110, MARCH);
        ledger.send(new SetExchangeDeadline(A, PARI, DEADLINE, "admin", MARCH));
        ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-1"), ALICE, A, Map.of(10, 1), JULY));
    }

    @Test
    void afterTheExchangeDeadlineTheNotesNeverReturnedAreReleasedToTheAssociationWithBalancedPostings() {
        closedSeriesWithNotesOut();

        NotesRelease release = release(LocalDate.of(2027, 1, 2), AFTER_DEADLINE);

        assertThat(release.notes()).isEqualTo(Map.of(50, 2));
        assertThat(release.unitsMinor()).isEqualTo(10_000);
        assertThat(balance(FUND)).isEqualTo(10_000);
        ReleasedNotesReceived received = (ReleasedNotesReceived) ledger.eventsOf(FUND.value()).stream()
                .filter(ReleasedNotesReceived.class::isInstance).findFirst().orElseThrow();
        assertThat(received.postings().netOf(LedgerAccount.of(PARI.value(), LedgerAccountKind.PAPER_IN_CIRCULATION)))
                .isEqualTo(-10_000);
        assertThat(received.postings().lines()).extracting(line -> line.amountMinor()).containsExactlyInAnyOrder(
                -10_000L, 10_000L);
        assertThat(ledger.eventsOf(A.value())).last().isEqualTo(new NeverReturnedNotesReleased(A, PARI, FUND,
                LocalDate.of(2027, 1, 2), Map.of(50, 2), 10_000, "admin", AFTER_DEADLINE));
    }

    @Test
    void aReleaseIsRefusedUntilTheExchangeDeadlineHasPassedAndForADayNotAfterIt() {
        closedSeriesWithNotesOut();

        assertRefused(() -> release(DEADLINE, DEADLINE.atTime(12, 0).atZone(org.mlc.ledger.common.CivilDay.ZONE)
                .toInstant()), Kind.REFUSED, "series-still-exchanged");
        assertRefused(() -> release(DEADLINE, AFTER_DEADLINE), Kind.INVALID, "validation");
        assertRefused(() -> release(LocalDate.of(2027, 1, 3), AFTER_DEADLINE), Kind.INVALID, "validation");
        assertThat(balance(FUND)).isZero();
    }

    @Test
    void aSeriesWithoutAnExchangeDeadlineIsNotReleased() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        dispatch(A, Map.of(10, 10), MARCH);
        sell("c-1", 20, MARCH);

        assertRefused(() -> release(LocalDate.of(2027, 1, 2), AFTER_DEADLINE), Kind.REFUSED, "series-still-exchanged");
    }

    @Test
    void aSeriesIsReleasedOnceAndItsNotesAreRefusedAfterwards() {
        closedSeriesWithNotesOut();
        release(LocalDate.of(2027, 1, 2), AFTER_DEADLINE);

        assertRefused(() -> release(LocalDate.of(2027, 1, 2), AFTER_DEADLINE), Kind.CONFLICT, "already-released");
        assertRefused(() -> ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-2"), ALICE, A, Map.of(50, 1),
                AFTER_DEADLINE)), Kind.REFUSED, "series-expired");
        assertRefused(() -> ledger.send(new ExchangeExpiredNotes(COUNTER, NoteExchangeId.of("x-1"), A, Map.of(50, 1),
                AFTER_DEADLINE)), Kind.REFUSED, "series-expired");
        assertThat(balance(FUND)).isEqualTo(10_000);
    }

    @Test
    void onlyAnAssociationOfTheSeriesCurrencyReceivesTheRelease() {
        closedSeriesWithNotesOut();
        AccountId roue = AccountId.of("acc-roue-fund");
        ledger.register(ParticipantId.of("p-roue-fund"), ParticipantKind.ASSOCIATION, roue, LAROUE, null);

        assertRefused(() -> ledger.send(new ReleaseNeverReturnedNotes(A, ALICE, LocalDate.of(2027, 1, 2), "admin",
                AFTER_DEADLINE)), Kind.REFUSED, "not-an-association");
        assertRefused(() -> ledger.send(new ReleaseNeverReturnedNotes(A, roue, LocalDate.of(2027, 1, 2), "admin",
                AFTER_DEADLINE)), Kind.REFUSED, "not-an-association");
        assertRefused(() -> ledger.send(new ReleaseNeverReturnedNotes(A, AccountId.of("acc-nobody"),
                LocalDate.of(2027, 1, 2), "admin", AFTER_DEADLINE)), Kind.NOT_FOUND, "not-found");
        assertThat(balance(ALICE)).isEqualTo(1000);
    }

    @Test
    void aSeriesWhoseNotesAllCameBackIsReleasedWithNothingCredited() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        dispatch(A, Map.of(10, 10), MARCH);
        sell("c-1", 20, MARCH);
        ledger.send(new SetExchangeDeadline(A, PARI, DEADLINE, "admin", MARCH));
        ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-1"), ALICE, A, Map.of(10, 2), JULY));

        NotesRelease release = release(LocalDate.of(2027, 1, 2), AFTER_DEADLINE);

        assertThat(release.notes()).isEmpty();
        assertThat(release.unitsMinor()).isZero();
        assertThat(ledger.eventsOf(FUND.value())).noneMatch(ReleasedNotesReceived.class::isInstance);
        assertRefused(() -> release(LocalDate.of(2027, 1, 2), AFTER_DEADLINE), Kind.CONFLICT, "already-released");
    }

    @Test
    void neverMoreNotesOfASeriesAreDepositedThanItHasInCirculation() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        dispatch(A, Map.of(10, 10), MARCH);
        sell("c-1", 20, MARCH);

        assertRefused(() -> ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-1"), ALICE, A, Map.of(10, 3),
                MARCH)), Kind.REFUSED, "not-in-circulation");
        ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-1"), ALICE, A, Map.of(10, 1), MARCH));
        assertRefused(() -> ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-2"), ALICE, A, Map.of(10, 2),
                MARCH)), Kind.REFUSED, "not-in-circulation");
        assertThat(balance(ALICE)).isEqualTo(1000);
        assertThat(atCounter(A)).isEqualTo(Map.of(10, 9));
    }

    @Test
    void notesOfASeriesBroughtBackToAnotherCounterStayInTheirSeriesThereAndAreNotSoldAfterItsLastDay() {
        print("2026-A", Map.of(10, 100), END_OF_JUNE, T0);
        dispatch(A, Map.of(10, 10), MARCH);
        sell("c-1", 30, MARCH);

        ledger.send(new DepositSeriesNotes(OTHER_COUNTER, DepositId.of("d-1"), ALICE, A, Map.of(10, 2), MARCH));

        assertThat(stockAt(OTHER_COUNTER, A)).isEqualTo(Map.of(10, 2));
        assertThat(ledger.eventsOf(OTHER_COUNTER.value())).anyMatch(SeriesLotOpened.class::isInstance);
        assertThat(ledger.eventsOf(A.value())).last().isEqualTo(new SeriesKeptAtCounter(A, OTHER_COUNTER, MARCH));
        // the series counts the other counter: one note of A is still out, not three
        assertRefused(() -> ledger.send(new DepositSeriesNotes(COUNTER, DepositId.of("d-2"), ALICE, A, Map.of(10, 2),
                MARCH)), Kind.REFUSED, "not-in-circulation");
        // no notes of no series at the other counter: after A's last day it has nothing to sell
        assertRefused(() -> ledger.send(new ConvertEuros(OTHER_COUNTER, ConversionId.of("c-2"), ALICE, 1000,
                PaidBy.CASH, Payout.NOTES, JULY)), Kind.REFUSED, "notes-unavailable");
    }
}
