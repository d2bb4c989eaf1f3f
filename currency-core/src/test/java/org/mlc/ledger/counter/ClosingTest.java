package org.mlc.ledger.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CorrectionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CoveringId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.reconversion.FundInflowRecorded;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.InflowSource;

/** The day closing: explicit counts, its signature, recounts and the coverings of a shortfall (in memory). */
class ClosingTest {

    private static final Instant T1 = Instant.parse("2025-03-03T18:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-04T18:00:00Z");
    private static final CounterId COUNTER = CounterId.of("counter-roue");
    private static final AccountId MEMBER = AccountId.of("acc-member");
    private static final LedgerAccount DISCREPANCY = LedgerAccount.of("LAROUE", LedgerAccountKind.COUNTER_DISCREPANCY);
    private static final LedgerAccount CASH = LedgerAccount.of("LAROUE", LedgerAccountKind.COUNTER_CASH,
            COUNTER.value());
    private static final LedgerAccount FUND = LedgerAccount.of("LAROUE", LedgerAccountKind.GUARANTEE_FUND);

    private InMemoryLedger ledger;
    private int conversions;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineLaRoue();
        ledger.defineCounter(COUNTER, LAROUE);
        ledger.registerMember(ParticipantId.of("p-member"), MEMBER, LAROUE);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void convert(long eurosMinor, PaidBy paidBy) {
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-" + ++conversions), MEMBER, eurosMinor, paidBy,
                Payout.ACCOUNT, T1));
    }

    private DayReport close(String closing, Map<PaidBy, Long> counted, Instant at) {
        return ledger.send(new CloseCounterDay(COUNTER, ClosingId.of(closing), counted, at, "agent-halles"));
    }

    private void correct(String closing, String correction, Map<PaidBy, Long> counted, String reason) {
        ledger.send(new CorrectClosing(COUNTER, ClosingId.of(closing), CorrectionId.of(correction), counted, reason,
                "admin", T2));
    }

    private void cover(String covering, long eurosMinor) {
        ledger.send(new CoverShortfall(COUNTER, CoveringId.of(covering), eurosMinor, "VIR-ASSO", "admin", T2));
    }

    private long uncovered() {
        return ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::uncoveredShortfallMinor);
    }

    private static void assertInvalidNaming(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.INVALID);
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        });
    }

    @Test
    void eachMeansThatMovedSinceTheLastClosingMustBeCountedNamingItsField() {
        convert(10_000, PaidBy.CASH);
        convert(2_000, PaidBy.CARD);
        convert(3_000, PaidBy.CHEQUE);

        assertInvalidNaming(() -> close("z-1", Map.of(), T1), "countedCash");
        assertInvalidNaming(() -> close("z-1", Map.of(PaidBy.CASH, 10_000L), T1), "countedCard");
        assertInvalidNaming(() -> close("z-1", Map.of(PaidBy.CASH, 10_000L, PaidBy.CARD, 2_000L), T1),
                "countedCheque");
        assertThat(ledger.allEvents()).noneMatch(CounterDayClosed.class::isInstance);

        DayReport report = close("z-1", Map.of(PaidBy.CASH, 10_000L, PaidBy.CARD, 2_000L, PaidBy.CHEQUE, 3_000L), T1);
        assertThat(report.totalDiscrepancyMinor()).isZero();
    }

    @Test
    void aMeansThatDidNotMoveMayBeLeftOutAndKeepsWhatItHeld() {
        convert(10_000, PaidBy.CASH);
        close("z-1", Map.of(PaidBy.CASH, 9_500L), T1);
        ledger.send(new ReopenCounter(COUNTER, T1));
        convert(2_000, PaidBy.CARD);

        // the 95 € of cash stayed in the drawer and did not move: only the card tickets need counting
        DayReport report = close("z-2", Map.of(PaidBy.CARD, 2_000L), T2);

        assertThat(report.expectedMinor()).containsEntry(PaidBy.CASH, 9_500L).containsEntry(PaidBy.CHEQUE, 0L);
        assertThat(report.countedMinor()).containsEntry(PaidBy.CASH, 9_500L).containsEntry(PaidBy.CARD, 2_000L);
        assertThat(report.totalDiscrepancyMinor()).isZero();
    }

    @Test
    void aCountOutOfRangeIsInvalidNamingItsField() {
        convert(10_000, PaidBy.CASH);
        convert(2_000, PaidBy.CARD);

        assertInvalidNaming(() -> close("z-1", Map.of(PaidBy.CASH, 10_000L, PaidBy.CARD, -1L), T1), "countedCard");
    }

    @Test
    void theClosingIsSignedByItsCloserForThePeriodSinceThePreviousClosing() {
        convert(10_000, PaidBy.CASH);
        close("z-1", Map.of(PaidBy.CASH, 10_000L), T1);
        ledger.send(new ReopenCounter(COUNTER, T1));
        convert(1_000, PaidBy.CASH);
        close("z-2", Map.of(PaidBy.CASH, 11_000L), T2);

        assertThat(ledger.eventsOf(COUNTER.value())).filteredOn(ClosingSigned.class::isInstance)
                .map(ClosingSigned.class::cast)
                .containsExactly(new ClosingSigned(COUNTER, ClosingId.of("z-1"), T0, T1, "agent-halles", T1),
                        new ClosingSigned(COUNTER, ClosingId.of("z-2"), T1, T2, "agent-halles", T2));
    }

    @Test
    void aRecountKeepsTheClosingAndBooksTheDifferenceAgainstTheCountBefore() {
        convert(10_000, PaidBy.CASH);
        close("z-1", Map.of(PaidBy.CASH, 9_500L), T1);
        assertThat(uncovered()).isEqualTo(500);

        correct("z-1", "k-1", Map.of(PaidBy.CASH, 9_800L), "a 5 € note was under the tray");

        ClosingCorrected corrected = (ClosingCorrected) last(ClosingCorrected.class);
        assertThat(corrected.differenceMinor()).isEqualTo(Map.of(PaidBy.CASH, 300L));
        assertThat(corrected.postings().netOf(CASH)).isEqualTo(300);
        assertThat(corrected.postings().netOf(DISCREPANCY)).isEqualTo(-300);
        assertThat(corrected.correctedBy()).isEqualTo("admin");
        assertThat(ledger.<ExchangeCounter, Long>inspect(ExchangeCounter.class, COUNTER.value(), c -> c.expectedMinor(PaidBy.CASH)))
                .isEqualTo(9_800);
        assertThat(uncovered()).isEqualTo(200);
        // the first closing stays as it was
        assertThat(ledger.allEvents()).filteredOn(CounterDayClosed.class::isInstance).singleElement()
                .satisfies(closed -> assertThat(((CounterDayClosed) closed).report().countedMinor())
                        .containsEntry(PaidBy.CASH, 9_500L));

        // a second recount is measured against the first
        correct("z-1", "k-2", Map.of(PaidBy.CASH, 10_000L), "recounted by the treasurer");
        assertThat(((ClosingCorrected) last(ClosingCorrected.class)).totalDifferenceMinor()).isEqualTo(200);
        assertThat(uncovered()).isZero();
    }

    @Test
    void aRecountNeedsAReasonACountAndAClosingOfThisCounter() {
        convert(10_000, PaidBy.CASH);
        close("z-1", Map.of(PaidBy.CASH, 9_500L), T1);

        assertInvalidNaming(() -> correct("z-1", "k-1", Map.of(PaidBy.CASH, 9_800L), " "), "reason");
        assertInvalidNaming(() -> correct("z-1", "k-1", Map.of(PaidBy.CASH, 9_800L), "x".repeat(501)), "reason");
        assertInvalidNaming(() -> correct("z-1", "k-1", Map.of(), "recount"), "countedCash");
        assertRefused(() -> correct("z-unknown", "k-1", Map.of(PaidBy.CASH, 9_800L), "recount"),
                Kind.NOT_FOUND, "not-found");
        assertThat(ledger.allEvents()).noneMatch(ClosingCorrected.class::isInstance);
    }

    @Test
    void coveringAShortfallPaysItIntoTheFundWhichRecordsTheInflow() {
        convert(10_000, PaidBy.CASH);
        close("z-1", Map.of(PaidBy.CASH, 9_500L), T1);

        cover("cov-1", 500);

        ShortfallCovered covered = (ShortfallCovered) last(ShortfallCovered.class);
        assertThat(covered.postings().netOf(DISCREPANCY)).isEqualTo(-500);
        assertThat(covered.postings().netOf(FUND)).isEqualTo(500);
        assertThat(ledger.eventsOf(GuaranteeFund.idOf(LAROUE))).singleElement()
                .isEqualTo(new FundInflowRecorded(LAROUE, InflowSource.SHORTFALL_COVERING, "cov-1", 500, T2));
        assertThat(ledger.<GuaranteeFund, Long>inspect(GuaranteeFund.class, GuaranteeFund.idOf(LAROUE), GuaranteeFund::inflowsMinor))
                .isEqualTo(500);
        assertThat(uncovered()).isZero();
    }

    @Test
    void coveringMoreThanTheUncoveredShortfallIsRefused() {
        assertRefused(() -> cover("cov-0", 1), Kind.REFUSED, "covering-exceeds-shortfall");
        convert(10_000, PaidBy.CASH);
        close("z-1", Map.of(PaidBy.CASH, 9_500L), T1);
        cover("cov-1", 300);

        assertRefused(() -> cover("cov-2", 201), Kind.REFUSED, "covering-exceeds-shortfall");
        cover("cov-2", 200);
        assertRefused(() -> cover("cov-3", 1), Kind.REFUSED, "covering-exceeds-shortfall");
        assertThat(ledger.allEvents()).filteredOn(ShortfallCovered.class::isInstance).hasSize(2);
    }

    @Test
    void aLaterSurplusMakesUpForAShortfall() {
        convert(10_000, PaidBy.CASH);
        close("z-1", Map.of(PaidBy.CASH, 9_500L), T1);
        ledger.send(new ReopenCounter(COUNTER, T1));
        convert(1_000, PaidBy.CASH);
        close("z-2", Map.of(PaidBy.CASH, 10_700L), T2);

        assertThat(uncovered()).isEqualTo(300);
        assertRefused(() -> cover("cov-1", 301), Kind.REFUSED, "covering-exceeds-shortfall");
    }

    private Object last(Class<?> type) {
        return ledger.allEvents().stream().filter(type::isInstance).reduce((a, b) -> b).orElseThrow();
    }
}
