package org.mlc.ledger.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.bonus.BonusFunding;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.PaperNotesDeposited;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.RecordSponsorPayment;
import org.mlc.ledger.bonus.SponsorPaymentReceived;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;

/** A day of la Roue's counter: bonus from a sponsor, notes, closing, remittance. */
class CounterDayTest {

    private static final Instant T1 = Instant.parse("2025-03-03T10:15:00Z");
    private static final Instant NEXT_MONTH = Instant.parse("2025-04-02T10:15:00Z");
    private static final CounterId COUNTER = CounterId.of("counter-avignon");
    private static final AccountId MEMBER = AccountId.of("acc-member");

    private InMemoryLedger ledger;

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

    private Conversion convert(String id, long eurosMinor, PaidBy paidBy, Payout payout,
                                                 Instant at) {
        return ledger.send(new ConvertEuros(COUNTER, ConversionId.of(id), MEMBER, eurosMinor, paidBy, payout, at));
    }

    @Test
    void withoutASponsorBudgetTheConversionIsAtParityAndSaysWhy() {
        Conversion conversion = convert("c-1", 1000, PaidBy.CASH, Payout.ACCOUNT, T1);

        assertThat(conversion.unitsMinor()).isEqualTo(1000);
        assertThat(conversion.bonusMinor()).isZero();
        assertThat(conversion.bonusReason()).isEqualTo(BonusFunding.NO_BUDGET);
    }

    @Test
    void theBonusDrawsOnTheBudgetUntilItIsExhaustedThenGoesToParity() {
        BudgetId budget = ledger.sponsor(LAROUE, "b-small", 300, 0);

        assertThat(convert("c-1", 1000, PaidBy.CASH, Payout.ACCOUNT, T1).bonusMinor()).isEqualTo(200);
        Conversion partial = convert("c-2", 1000, PaidBy.CASH, Payout.ACCOUNT, T1);
        Conversion parity = convert("c-3", 1000, PaidBy.CASH, Payout.ACCOUNT, T1);

        assertThat(partial.bonusMinor()).isEqualTo(100);
        assertThat(partial.unitsMinor()).isEqualTo(1100);
        assertThat(partial.bonusReason()).isEqualTo(BonusFunding.BUDGET_EXHAUSTED);
        assertThat(parity.bonusMinor()).isZero();
        assertThat(parity.bonusReason()).isEqualTo(BonusFunding.BUDGET_EXHAUSTED);
        assertThat(ledger.inspect(BonusBudget.class, budget.value(), BonusBudget::remainingMinor)).isZero();
        assertThat(ledger.inspect(Account.class, MEMBER.value(), Account::balanceMinor)).isEqualTo(3300);
    }

    @Test
    void theMonthlyCapPerMemberLimitsTheBonusUntilTheNextCalendarMonth() {
        ledger.sponsor(LAROUE, "b-capped", 2_600_000, 300);

        convert("c-1", 1000, PaidBy.CASH, Payout.ACCOUNT, T1);
        Conversion capped = convert("c-2", 1000, PaidBy.CASH, Payout.ACCOUNT, T1);
        Conversion nextMonth = convert("c-3", 1000, PaidBy.CASH, Payout.ACCOUNT, NEXT_MONTH);

        assertThat(capped.bonusMinor()).isEqualTo(100);
        assertThat(capped.bonusReason()).isEqualTo(BonusFunding.MONTHLY_CAP_REACHED);
        assertThat(nextMonth.bonusMinor()).isEqualTo(200);
        assertThat(nextMonth.bonusReason()).isNull();
    }

    @Test
    void fiftyEurosInNotesHandOverSixtyUnitsOfPaperFromTheStock() {
        ledger.sponsor(LAROUE, "b-roue", 2_600_000, 0);
        ledger.send(new ReceiveNotes(COUNTER, Map.of(50, 2, 20, 2, 10, 3, 5, 4), T0));

        Conversion conversion = convert("c-1", 5000, PaidBy.CASH, Payout.NOTES, T1);

        assertThat(conversion.unitsMinor()).isEqualTo(6000);
        assertThat(conversion.notes()).containsExactly(Map.entry(10, 1), Map.entry(50, 1));
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::stock))
                .containsEntry(50, 1).containsEntry(10, 2);
        NotesSold sold = (NotesSold) ledger.eventsOf(COUNTER.value()).get(ledger.eventsOf(COUNTER.value()).size() - 1);
        assertThat(sold.postings().netOf(LedgerAccount.of("LAROUE", LedgerAccountKind.PAPER_IN_CIRCULATION)))
                .isEqualTo(6000);
        assertThat(ledger.inspect(Account.class, MEMBER.value(), Account::balanceMinor)).isZero();
    }

    @Test
    void notesDepositedAtTheCounterBecomeElectronicUnitsAndReturnToTheStock() {
        ledger.send(new ReceiveNotes(COUNTER, Map.of(10, 2), T0));
        convert("c-1", 2000, PaidBy.CASH, Payout.NOTES, T1);

        ledger.send(new DepositNotes(COUNTER, DepositId.of("d-1"), MEMBER, Map.of(10, 1), T1));

        assertThat(ledger.inspect(Account.class, MEMBER.value(), Account::balanceMinor)).isEqualTo(1000);
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::stock))
                .containsEntry(10, 1);
        assertThat(ledger.eventsOf(MEMBER.value())).last().isInstanceOf(PaperNotesDeposited.class);
    }

    @Test
    void aDenominationThatDoesNotExistIsInvalid() {
        assertRefused(() -> ledger.send(new ReceiveNotes(COUNTER, Map.of(3, 10), T0)), Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new ReceiveNotes(COUNTER, Map.of(10, -1), T0)), Kind.INVALID, "validation");
    }

    @Test
    void closingRecordsTheDiscrepancyAndAClosedCounterRefusesConversionsUntilReopened() {
        convert("c-1", 1000, PaidBy.CASH, Payout.ACCOUNT, T1);
        convert("c-2", 2000, PaidBy.CARD, Payout.ACCOUNT, T1);

        DayReport report = ledger.send(new CloseCounterDay(COUNTER, ClosingId.of("z-1"),
                Map.of(PaidBy.CASH, 500L, PaidBy.CARD, 2000L), T1));

        assertThat(report.discrepancyMinor()).containsEntry(PaidBy.CASH, -500L).containsEntry(PaidBy.CARD, 0L);
        assertThat(report.totalDiscrepancyMinor()).isEqualTo(-500);
        assertThat(report.eurosMinor()).containsEntry(PaidBy.CASH, 1000L).containsEntry(PaidBy.CARD, 2000L);
        assertThat(ledger.<ExchangeCounter, Long>inspect(ExchangeCounter.class, COUNTER.value(), c -> c.expectedMinor(PaidBy.CASH)))
                .isEqualTo(500);
        assertThat(ledger.allEvents()).filteredOn(CashDiscrepancyRecorded.class::isInstance).hasSize(1);
        assertRefused(() -> convert("c-3", 1000, PaidBy.CASH, Payout.ACCOUNT, T1), Kind.REFUSED, "counter-closed");
        assertRefused(() -> ledger.send(new CloseCounterDay(COUNTER, ClosingId.of("z-2"), Map.of(), T1)),
                Kind.CONFLICT, "day-already-closed");

        ledger.send(new ReopenCounter(COUNTER, T1));
        assertThat(convert("c-3", 1000, PaidBy.CASH, Payout.ACCOUNT, T1).eurosMinor()).isEqualTo(1000);
    }

    @Test
    void aRemittanceGoesFromToRemitToRemittedToConfirmedAndOnlyThenCreditsTheFund() {
        convert("c-1", 3000, PaidBy.CASH, Payout.ACCOUNT, T1);
        RemittanceId remittance = RemittanceId.of("r-1");

        assertRefused(() -> ledger.send(new PrepareRemittance(COUNTER, remittance, PaidBy.CASH, 3001, T1)),
                Kind.REFUSED, "insufficient-cash");
        ledger.send(new PrepareRemittance(COUNTER, remittance, PaidBy.CASH, 2500, T1));
        ledger.send(new DepositRemittance(COUNTER, remittance, T1));
        assertThat(ledger.allEvents()).noneMatch(RemittanceConfirmed.class::isInstance);
        ledger.send(new ConfirmRemittance(COUNTER, remittance, "VIR-123", T1));

        RemittanceConfirmed confirmed = (RemittanceConfirmed) ledger.eventsOf(COUNTER.value())
                .get(ledger.eventsOf(COUNTER.value()).size() - 1);
        assertThat(confirmed.postings().netOf(LedgerAccount.of("LAROUE", LedgerAccountKind.GUARANTEE_FUND)))
                .isEqualTo(2500);
        assertThat(ledger.<ExchangeCounter, Long>inspect(ExchangeCounter.class, COUNTER.value(), c -> c.expectedMinor(PaidBy.CASH)))
                .isEqualTo(500);
        assertRefused(() -> ledger.send(new ConfirmRemittance(COUNTER, remittance, "VIR-123", T1)),
                Kind.CONFLICT, "already-confirmed");
        assertRefused(() -> ledger.send(new ConfirmRemittance(COUNTER, RemittanceId.of("r-x"), null, T1)),
                Kind.NOT_FOUND, "not-found");
    }

    @Test
    void aSponsorPaymentMovesCommittedEurosIntoTheFundButNotMoreThanCommitted() {
        BudgetId budget = ledger.sponsor(LAROUE, "b-paid", 10_000, 0);

        ledger.send(new RecordSponsorPayment(budget, 6_000, "GRAND-AVIGNON-1", T1));

        SponsorPaymentReceived paid = (SponsorPaymentReceived) ledger.eventsOf(budget.value())
                .get(ledger.eventsOf(budget.value()).size() - 1);
        assertThat(paid.postings().netOf(LedgerAccount.of("LAROUE", LedgerAccountKind.SPONSOR_COMMITTED,
                budget.value()))).isEqualTo(-6_000);
        assertRefused(() -> ledger.send(new RecordSponsorPayment(budget, 4_001, "GRAND-AVIGNON-2", T1)),
                Kind.REFUSED, "payment-exceeds-commitment");
    }

    @Test
    void onlyAnAssociationOrACollectiviteMaySponsor() {
        assertRefused(() -> ledger.send(new org.mlc.ledger.bonus.CommitBonusBudget(BudgetId.of("b-x"), LAROUE,
                ParticipantId.of("p-member"), 1000, java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2025, 12, 31), 0, T0)), Kind.REFUSED, "sponsor-not-allowed");
    }

    @Test
    void aDonationGoesOnlyToAnAssociation() {
        AccountId issuer = AccountId.of("acc-issuer");
        ledger.send(new org.mlc.ledger.participant.RegisterParticipant(ParticipantId.of("p-issuer"),
                org.mlc.ledger.participant.ParticipantKind.ASSOCIATION, "Issuer", LAROUE, issuer, null, T0));
        ledger.send(new org.mlc.ledger.currency.SetDonationShare(LAROUE, issuer, 300, T0));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.send(new ConvertEuros(COUNTER,
                        ConversionId.of("c-1"), MEMBER, 10_000, PaidBy.CASH, Payout.ACCOUNT, T1, MEMBER)))
                .isInstanceOf(org.mlc.ledger.common.DomainException.class)
                .hasMessage("must be an association of LAROUE")
                .satisfies(e -> assertThat(((org.mlc.ledger.common.DomainException) e).code()).isEqualTo("validation"));
        assertThat(ledger.inspect(Account.class, MEMBER.value(), Account::balanceMinor)).isZero();
    }

    @Test
    void theDonationShareGoesFromTheIssuerToTheAssociationTheMemberChose() {
        AccountId issuer = AccountId.of("acc-issuer");
        AccountId association = AccountId.of("acc-asso");
        ledger.send(new org.mlc.ledger.participant.RegisterParticipant(ParticipantId.of("p-issuer"),
                org.mlc.ledger.participant.ParticipantKind.ASSOCIATION, "Issuer", LAROUE, issuer, null, T0));
        ledger.send(new org.mlc.ledger.participant.RegisterParticipant(ParticipantId.of("p-asso"),
                org.mlc.ledger.participant.ParticipantKind.ASSOCIATION, "Asso", LAROUE, association, null, T0));
        ledger.send(new org.mlc.ledger.currency.SetDonationShare(LAROUE, issuer, 300, T0));

        Conversion unfunded = ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-0"), MEMBER,
                10_000, PaidBy.CASH, Payout.ACCOUNT, T1, association));
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-1"), issuer, 10_000, PaidBy.CASH, Payout.ACCOUNT,
                T1));
        Conversion conversion = ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-2"),
                MEMBER, 10_000, PaidBy.CASH, Payout.ACCOUNT, T1, association));

        assertThat(unfunded.donationMinor()).isZero();
        assertThat(unfunded.donationReason()).isEqualTo("issuer-balance-insufficient");
        assertThat(conversion.donationMinor()).isEqualTo(300);
        assertThat(ledger.inspect(Account.class, association.value(), Account::balanceMinor)).isEqualTo(300);
        assertThat(ledger.inspect(Account.class, issuer.value(), Account::balanceMinor)).isEqualTo(9_700);
        assertThat(ledger.inspect(Account.class, MEMBER.value(), Account::balanceMinor)).isEqualTo(20_000);
    }
}
