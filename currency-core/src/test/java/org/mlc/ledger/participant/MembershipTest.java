package org.mlc.ledger.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.MembershipFeePaid;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.CloseCounterDay;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DayReport;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.counter.MembershipFeeReceived;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.SetMembershipPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.payment.MakePayment;

/** The yearly membership (adhésion): paid at a counter in euros or units, and what it blocks. */
class MembershipTest {

    /** 2025-03-01 10:00 in Paris. */
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final LocalDate DAY1 = LocalDate.of(2025, 3, 1);
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final ParticipantId ALICE = ParticipantId.of("p-alice");
    private static final AccountId ALICE_ACCOUNT = AccountId.of("acc-alice");
    private static final ParticipantId GROCER = ParticipantId.of("p-grocer");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final ParticipantId TOWN = ParticipantId.of("p-town");
    private static final AccountId TOWN_ACCOUNT = AccountId.of("acc-town");

    private InMemoryLedger ledger;
    private int next;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.startWithTransferSaga();
        ledger.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(100, 100)); // membership fee 3.00
        ledger.defineCounter(COUNTER, BOUSOL);
        ledger.registerMember(ALICE, ALICE_ACCOUNT, BOUSOL);
        ledger.register(GROCER, ParticipantKind.MERCHANT, GROCER_ACCOUNT, BOUSOL, "ALIMENTATION");
        ledger.register(TOWN, ParticipantKind.COLLECTIVITE, TOWN_ACCOUNT, BOUSOL, null);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private MembershipRenewed pay(ParticipantId who, AccountId account, FeePaidWith paidWith, Instant at) {
        return ledger.send(new PayMembership(who, account, MembershipId.of("m-" + ++next), COUNTER, paidWith, at));
    }

    private void convert(long eurosMinor, Instant at) {
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-" + ++next), ALICE_ACCOUNT, eurosMinor, PaidBy.CASH,
                Payout.ACCOUNT, at));
    }

    private void requireMembershipForConversions() {
        ledger.send(new SetMembershipPolicy(BOUSOL, 300, true, T0));
    }

    @Test
    void aFeePaidInCashGoesToTheDrawerAndMakesAMemberForAYear() {
        MembershipRenewed renewed = pay(ALICE, ALICE_ACCOUNT, FeePaidWith.CASH, T1);

        assertThat(renewed.validFrom()).isEqualTo(DAY1);
        assertThat(renewed.validUntil()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(renewed.feeMinor()).isEqualTo(300);
        assertThat(ledger.<ExchangeCounter, Long>inspect(ExchangeCounter.class, COUNTER.value(), c -> c.expectedMinor(PaidBy.CASH)))
                .isEqualTo(300);
        assertThat(ledger.eventsOf(COUNTER.value())).filteredOn(MembershipFeeReceived.class::isInstance)
                .singleElement().satisfies(event -> assertThat(((MembershipFeeReceived) event).postings()
                        .netOf(LedgerAccount.of("BOUSOL", LedgerAccountKind.MEMBERSHIP_FEES))).isEqualTo(-300L));
        DayReport report = ledger.send(new CloseCounterDay(COUNTER, ClosingId.of("z-1"),
                Map.of(PaidBy.CASH, 300L), T1));
        assertThat(report.totalDiscrepancyMinor()).isZero();
    }

    @Test
    void aFeePaidInUnitsLeavesTheAccountForTheFeeAccount() {
        convert(1_000, T1);

        pay(ALICE, ALICE_ACCOUNT, FeePaidWith.UNITS, T1);

        assertThat(ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::balanceMinor)).isEqualTo(700);
        assertThat(ledger.eventsOf(ALICE_ACCOUNT.value())).filteredOn(MembershipFeePaid.class::isInstance)
                .singleElement().satisfies(event -> assertThat(((MembershipFeePaid) event).postings()
                        .netOf(LedgerAccount.of("BOUSOL", LedgerAccountKind.FEES))).isEqualTo(300L));
        assertThat(ledger.<ExchangeCounter, Long>inspect(ExchangeCounter.class, COUNTER.value(), c -> c.expectedMinor(PaidBy.CASH)))
                .isEqualTo(1_000);
    }

    @Test
    void aFeeInUnitsAboveTheBalanceIsRefusedAndNothingIsRenewed() {
        assertRefused(() -> pay(ALICE, ALICE_ACCOUNT, FeePaidWith.UNITS, T1), Kind.REFUSED, "insufficient-funds");

        assertThat(ledger.inspect(Participant.class, ALICE.value(), Participant::membershipValidUntil)).isNull();
    }

    @Test
    void aRenewalBeforeTheEndRunsFromTheDayAfterAndNotMoreThanTwoYearsAhead() {
        pay(ALICE, ALICE_ACCOUNT, FeePaidWith.CASH, T1);

        MembershipRenewed early = pay(ALICE, ALICE_ACCOUNT, FeePaidWith.CARD, T1.plus(Duration.ofDays(300)));

        assertThat(early.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(early.validUntil()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertRefused(() -> pay(ALICE, ALICE_ACCOUNT, FeePaidWith.CASH, T1.plus(Duration.ofDays(300))),
                Kind.REFUSED, "membership-already-paid");
    }

    @Test
    void anExpiredMembershipBlocksConversionsOnlyWhenTheCurrencySaysSoAndNeverTheBalance() {
        convert(1_000, T1); // not required yet: converts without a membership
        requireMembershipForConversions();

        assertRefused(() -> convert(1_000, T1), Kind.REFUSED, "membership-expired");
        pay(ALICE, ALICE_ACCOUNT, FeePaidWith.CASH, T1);
        convert(1_000, T1.plus(Duration.ofDays(364)));
        assertRefused(() -> convert(1_000, T1.plus(Duration.ofDays(366))), Kind.REFUSED, "membership-expired");

        ledger.send(new MakePayment(BOUSOL, TransferId.of("t-1"), ALICE_ACCOUNT, GROCER_ACCOUNT, 2_000, null, null,
                T1.plus(Duration.ofDays(366))));
        assertThat(ledger.inspect(Account.class, GROCER_ACCOUNT.value(), Account::balanceMinor)).isEqualTo(2_000);
    }

    @Test
    void publicBodiesConvertWithoutMembershipAndACcasNeverAdheres() {
        requireMembershipForConversions();
        ParticipantId ccas = ParticipantId.of("p-ccas");
        AccountId ccasAccount = AccountId.of("acc-ccas");
        ledger.register(ccas, ParticipantKind.CCAS, ccasAccount, BOUSOL, null);

        assertRefused(() -> pay(ccas, ccasAccount, FeePaidWith.CASH, T1), Kind.REFUSED, "membership-not-applicable");
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-town"), TOWN_ACCOUNT, 1_000, PaidBy.CHEQUE,
                Payout.ACCOUNT, T1));
        assertThat(ledger.inspect(Account.class, TOWN_ACCOUNT.value(), Account::balanceMinor)).isEqualTo(1_000);
    }

    @Test
    void legalPersonsAdhereAtTheirKindsFeeAndTheOthersAtTheOneFee() {
        ParticipantId employer = ParticipantId.of("p-employer");
        AccountId employerAccount = AccountId.of("acc-employer");
        ledger.register(employer, ParticipantKind.EMPLOYER, employerAccount, BOUSOL, null);
        ledger.send(new org.mlc.ledger.currency.SetMembershipPolicy(BOUSOL, 3_00, false, T0,
                Map.of("COLLECTIVITE", 50_00L, "MERCHANT", 30_00L)));

        assertThat(pay(TOWN, TOWN_ACCOUNT, FeePaidWith.CHEQUE, T1).feeMinor()).isEqualTo(50_00);
        assertThat(pay(GROCER, GROCER_ACCOUNT, FeePaidWith.CASH, T1).feeMinor()).isEqualTo(30_00);
        assertThat(pay(employer, employerAccount, FeePaidWith.CASH, T1).feeMinor()).isEqualTo(3_00);
        assertThat(pay(ALICE, ALICE_ACCOUNT, FeePaidWith.CASH, T1).feeMinor()).isEqualTo(3_00);
        assertThat(ledger.inspect(Participant.class, TOWN.value(), Participant::membershipValidUntil))
                .isEqualTo(DAY1.plusYears(1).minusDays(1));
    }

    @Test
    void feesByKindAreCheckedAndSettingThemAgainRecordsNothing() {
        assertRefused(() -> ledger.send(new org.mlc.ledger.currency.SetMembershipPolicy(BOUSOL, 3_00, false, T0,
                Map.of("COLLECTIVITE", 500_01L))), Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new org.mlc.ledger.currency.SetMembershipPolicy(BOUSOL, 3_00, false, T0,
                Map.of("collectivite", 1_00L))), Kind.INVALID, "validation");
        ledger.send(new org.mlc.ledger.currency.SetMembershipPolicy(BOUSOL, 3_00, false, T0,
                Map.of("COLLECTIVITE", 50_00L)));
        ledger.send(new org.mlc.ledger.currency.SetMembershipPolicy(BOUSOL, 3_00, false, T1,
                Map.of("COLLECTIVITE", 50_00L)));

        assertThat(ledger.eventsOf(BOUSOL.value()).stream()
                .filter(org.mlc.ledger.currency.MembershipFeesByKindSet.class::isInstance)).hasSize(1);
    }

    @Test
    void theFeeIsPaidForOnesOwnAccountAtAnOpenCounter() {
        assertRefused(() -> pay(ALICE, GROCER_ACCOUNT, FeePaidWith.CASH, T1), Kind.INVALID, "validation");
        ledger.send(new CloseCounterDay(COUNTER, ClosingId.of("z-1"), Map.of(), T1));
        assertRefused(() -> pay(ALICE, ALICE_ACCOUNT, FeePaidWith.CASH, T1), Kind.REFUSED, "counter-closed");
    }

    @Test
    void unitsTakenForAMembershipOnTheHoldersBehalfAreRecordedWithTheReason() {
        convert(1_000, T1);

        ledger.send(new PayMembership(ALICE, ALICE_ACCOUNT, MembershipId.of("m-behalf"), COUNTER, FeePaidWith.UNITS,
                T1, "asked by phone, cannot log in"));

        assertThat(ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::balanceMinor)).isEqualTo(700);
        assertThat(ledger.eventsOf(ALICE.value())).filteredOn(MembershipPaidOnBehalf.class::isInstance)
                .containsExactly(new MembershipPaidOnBehalf(ALICE, MembershipId.of("m-behalf"), ALICE_ACCOUNT, 300,
                        "asked by phone, cannot log in", T1));
    }

    @Test
    void unitsPaidByTheirHolderRecordNoReason() {
        convert(1_000, T1);

        pay(ALICE, ALICE_ACCOUNT, FeePaidWith.UNITS, T1);

        assertThat(ledger.allEvents()).noneMatch(MembershipPaidOnBehalf.class::isInstance);
    }

    @Test
    void aBlankOrOverlongReasonOrAReasonForEurosIsRefusedAndNothingIsRecorded() {
        convert(1_000, T1);
        int before = ledger.allEvents().size();

        for (String reason : new String[] {"", "  ", "r".repeat(Participant.MAX_REASON_LENGTH + 1)}) {
            assertRefused(() -> ledger.send(new PayMembership(ALICE, ALICE_ACCOUNT, MembershipId.of("m-x"), COUNTER,
                    FeePaidWith.UNITS, T1, reason)), Kind.INVALID, "validation");
        }
        assertRefused(() -> ledger.send(new PayMembership(ALICE, ALICE_ACCOUNT, MembershipId.of("m-x"), COUNTER,
                FeePaidWith.CASH, T1, "for her")), Kind.INVALID, "validation");

        assertThat(ledger.allEvents()).hasSize(before);
    }
}
