package org.mlc.ledger.demurrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.DemurrageCharged;
import org.mlc.ledger.account.DemurrageReceived;
import org.mlc.ledger.account.EarmarkedLotReceived;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.AuthorizePayment;

/** Runs of the fonte: who gives what, to whom, once per period whatever is resent. */
class DemurrageRunTest {

    /** A currency at parity, so that euros buy as many units. */
    static final CurrencyCode PARI = CurrencyCode.of("PARI");
    static final CounterId COUNTER = CounterId.of("counter-pari");
    static final AccountId FUND = AccountId.of("acc-fund");
    static final AccountId ALICE = AccountId.of("acc-alice");
    static final AccountId BOB = AccountId.of("acc-bob");
    static final AccountId CLUB = AccountId.of("acc-club");
    static final LocalDate JAN = LocalDate.of(2027, 1, 1);
    static final LocalDate TODAY = LocalDate.of(2027, 1, 2);
    static final Instant NOW = Instant.parse("2027-01-02T09:00:00Z");
    static final DemurrageRunId RUN = DemurrageRunId.of(PARI, JAN);

    private InMemoryLedger ledger;
    private int conversions;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineCurrency(PARI, "Pari", new ConversionPolicy(100, 100));
        ledger.defineCounter(COUNTER, PARI);
        ledger.register(ParticipantId.of("p-fund"), ParticipantKind.ASSOCIATION, FUND, PARI, null);
        ledger.register(ParticipantId.of("p-club"), ParticipantKind.ASSOCIATION, CLUB, PARI, null);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, PARI);
        ledger.register(ParticipantId.of("p-bob"), ParticipantKind.MERCHANT, BOB, PARI, "ALIMENTATION");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void policy(String rate, long threshold, boolean includeEarmarked) {
        ledger.send(new SetDemurrage(PARI, new BigDecimal(rate), 6, JAN, threshold, null, FUND, includeEarmarked, T0));
    }

    private void give(AccountId account, long unitsMinor) {
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("conv-" + ++conversions), account, unitsMinor,
                PaidBy.CASH, Payout.ACCOUNT, T0));
    }

    private long balance(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::balanceMinor);
    }

    private DemurrageRunState start(LocalDate dueOn) {
        return ledger.send(new StartDemurrageRun(PARI, dueOn, TODAY, NOW));
    }

    private long charge(AccountId account) {
        DemurrageCharge charge = ledger.send(new ChargeDemurrage(RUN, account, NOW));
        return charge.amountMinor();
    }

    private long charges(AccountId account) {
        return ledger.eventsOf(account.value()).stream().filter(DemurrageCharged.class::isInstance).count();
    }

    @Test
    void eachListedAccountGivesTheRateOfItsBalanceToTheBeneficiary() {
        policy("0.02", 0, false);
        give(ALICE, 100_00);
        give(BOB, 50_00);
        give(CLUB, 100_00);

        DemurrageRunState started = start(JAN);
        assertThat(started.startedBefore()).isFalse();
        assertThat(started.periodFrom()).isEqualTo(LocalDate.of(2026, 7, 1));

        assertThat(charge(ALICE)).isEqualTo(2_00);
        assertThat(charge(BOB)).isEqualTo(1_00);
        // an association is not of the kinds listed (members and merchants), nor is the beneficiary
        assertThat(charge(CLUB)).isZero();
        assertThat(charge(FUND)).isZero();

        assertThat(balance(ALICE)).isEqualTo(98_00);
        assertThat(balance(BOB)).isEqualTo(49_00);
        assertThat(balance(CLUB)).isEqualTo(100_00);
        assertThat(balance(FUND)).isEqualTo(3_00);
    }

    @Test
    void aStatementSaysFonteOfThePeriodOnBothSides() {
        policy("0.02", 0, false);
        give(ALICE, 100_00);
        start(JAN);
        charge(ALICE);

        DemurrageCharged charged = (DemurrageCharged) ledger.eventsOf(ALICE.value()).stream()
                .filter(DemurrageCharged.class::isInstance).findFirst().orElseThrow();
        assertThat(charged.entryLabel()).isEqualTo(new EntryLabel("DEMURRAGE", "PARI-2027-01-01", "acc-fund",
                "période du 01/07/2026 au 31/12/2026"));
        assertThat(charged.postings().netOf(org.mlc.ledger.ledger.LedgerAccount.of("PARI",
                org.mlc.ledger.ledger.LedgerAccountKind.PARTICIPANT, "acc-alice"))).isEqualTo(-2_00);
        DemurrageReceived received = (DemurrageReceived) ledger.eventsOf(FUND.value()).stream()
                .filter(DemurrageReceived.class::isInstance).findFirst().orElseThrow();
        assertThat(received.entryLabel().kind()).isEqualTo("DEMURRAGE_RECEIVED");
        assertThat(received.amountMinor()).isEqualTo(2_00);
    }

    @Test
    void anAccountChargedAgainInTheSameRunGivesNothingMoreAndAnswersWhatItGave() {
        policy("0.02", 0, false);
        give(ALICE, 100_00);
        start(JAN);

        assertThat(charge(ALICE)).isEqualTo(2_00);
        give(ALICE, 100_00);
        assertThat(charge(ALICE)).isEqualTo(2_00);

        assertThat(balance(ALICE)).isEqualTo(198_00);
        assertThat(balance(FUND)).isEqualTo(2_00);
        assertThat(charges(ALICE)).isEqualTo(1);
    }

    @Test
    void aRunStartedAgainIsFoundWithItsFiguresOnceCompletedAndThenChargesNoOne() {
        policy("0.02", 0, false);
        give(ALICE, 100_00);
        give(BOB, 100_00);
        start(JAN);
        charge(ALICE);
        ledger.send(new CompleteDemurrageRun(RUN, 1, 2_00, NOW));

        DemurrageRunState again = start(JAN);
        assertThat(again.startedBefore()).isTrue();
        assertThat(again.completed()).isTrue();
        assertThat(again.accountsCharged()).isEqualTo(1);
        assertThat(again.totalMinor()).isEqualTo(2_00);
        // completed: Bob, missed, waits for the next period; Alice answers what she gave
        assertThat(charge(BOB)).isZero();
        assertThat(charge(ALICE)).isEqualTo(2_00);
        assertThat(balance(BOB)).isEqualTo(100_00);
        ledger.send(new CompleteDemurrageRun(RUN, 5, 9_00, NOW));
        assertThat(start(JAN).totalMinor()).isEqualTo(2_00);
    }

    @Test
    void theChargeIsRoundedDownToTheCentInTheHoldersFavour() {
        policy("0.02", 0, false);
        give(ALICE, 12_34);
        give(BOB, 49);
        start(JAN);

        // 2 % of 12.34 is 0.2468, of 0.49 is 0.0098
        assertThat(charge(ALICE)).isEqualTo(24);
        assertThat(charge(BOB)).isZero();
        assertThat(balance(BOB)).isEqualTo(49);
        assertThat(charges(BOB)).isZero();
    }

    @Test
    void onlyThePartAboveTheThresholdMelts() {
        policy("0.02", 50_00, false);
        give(ALICE, 100_00);
        give(BOB, 40_00);
        start(JAN);

        assertThat(charge(ALICE)).isEqualTo(1_00);
        assertThat(charge(BOB)).isZero();
    }

    @Test
    void heldAndEarmarkedUnitsAreExemptUnlessThePolicyIncludesThem() {
        policy("0.10", 0, false);
        give(ALICE, 100_00);
        ledger.send(new AuthorizePayment(PARI, HoldId.of("hold-1"), ALICE, BOB, 30_00, null,
                T0.plusSeconds(3600), T0));
        give(BOB, 10_00);
        ledger.storeAsAnOlderVersion("Account", BOB.value(), new EarmarkedLotReceived(BOB, GrantId.of("grant-1"),
                AidProgramId.of("prog-1"), 90_00, List.of("ALIMENTATION"), LocalDate.of(2027, 12, 31), T0));
        start(JAN);

        // Alice: 100 less 30 held; Bob: 100 less 90 earmarked
        assertThat(charge(ALICE)).isEqualTo(7_00);
        assertThat(charge(BOB)).isEqualTo(1_00);

        DemurrageRunId july = DemurrageRunId.of(PARI, JAN.plusMonths(6));
        policy("0.10", 0, true);
        ledger.send(new StartDemurrageRun(PARI, JAN.plusMonths(6), JAN.plusMonths(6), NOW));
        DemurrageCharge alice = ledger.send(new ChargeDemurrage(july, ALICE, NOW));
        DemurrageCharge bob = ledger.send(new ChargeDemurrage(july, BOB, NOW));
        // included: 10 % of 93.00; Bob's 9.90 is capped at his 9.00 of free units, the aid itself never leaves
        assertThat(alice.amountMinor()).isEqualTo(9_30);
        assertThat(bob.amountMinor()).isEqualTo(9_00);
        assertThat(ledger.inspect(Account.class, BOB.value(), Account::earmarkedMinor)).isEqualTo(90_00);
    }

    @Test
    void aRunKeepsThePolicyItStartedWith() {
        policy("0.02", 0, false);
        give(ALICE, 100_00);
        start(JAN);
        policy("0.10", 0, false);

        assertThat(charge(ALICE)).isEqualTo(2_00);
    }

    @Test
    void onlyADueDateOfThePolicyThatHasComeRuns() {
        assertRefused(() -> start(JAN), Kind.REFUSED, "demurrage-off");
        policy("0.02", 0, false);

        assertThatRefusedNaming(() -> start(LocalDate.of(2027, 1, 2)), Kind.INVALID, "dueOn");
        assertThatRefusedNaming(() -> start(LocalDate.of(2026, 7, 1)), Kind.INVALID, "dueOn");
        assertThatRefusedNaming(() -> start(JAN.plusMonths(6)), Kind.REFUSED, "dueOn");
        assertRefused(() -> ledger.send(new ChargeDemurrage(RUN, ALICE, NOW)), Kind.NOT_FOUND, "not-found");
        assertThat(start(JAN).completed()).isFalse();
    }

    @Test
    void aRateOfZeroStopsNewRunsButNotOneStarted() {
        policy("0.02", 0, false);
        give(ALICE, 100_00);
        start(JAN);
        ledger.send(new SetDemurrage(PARI, BigDecimal.ZERO, 0, null, 0, null, null, false, T0));

        assertThat(charge(ALICE)).isEqualTo(2_00);
        assertRefused(() -> ledger.send(new StartDemurrageRun(PARI, JAN.plusMonths(6), JAN.plusMonths(6), NOW)),
                Kind.REFUSED, "demurrage-off");
    }

    private static void assertThatRefusedNaming(org.assertj.core.api.ThrowableAssert.ThrowingCallable action,
                                                Kind kind, String field) {
        org.assertj.core.api.Assertions.assertThatThrownBy(action).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
                    assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
                });
    }

}
