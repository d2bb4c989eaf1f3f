package org.mlc.ledger.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.DonationReturnReceived;
import org.mlc.ledger.account.DonationReturned;
import org.mlc.ledger.account.IssuedUnitsTakenBack;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.BonusReturned;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.currency.SetDonationShare;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;

/** Cancelling a conversion of the open day at la Roue's counter: every figure back, by compensation. */
class ConversionCancellationTest {

    private static final Instant T1 = Instant.parse("2025-03-03T10:15:00Z");
    private static final Instant T2 = Instant.parse("2025-03-03T10:20:00Z");
    private static final CounterId COUNTER = CounterId.of("counter-avignon");
    private static final CounterId OTHER_COUNTER = CounterId.of("counter-carpentras");
    private static final AccountId MEMBER = AccountId.of("acc-member");
    private static final AccountId MERCHANT = AccountId.of("acc-merchant");
    private static final ConversionId C_1 = ConversionId.of("c-1");

    private InMemoryLedger ledger;
    private BudgetId budget;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineLaRoue();
        ledger.defineCounter(COUNTER, LAROUE);
        ledger.defineCounter(OTHER_COUNTER, LAROUE);
        ledger.registerMember(ParticipantId.of("p-member"), MEMBER, LAROUE);
        ledger.register(ParticipantId.of("p-merchant"), ParticipantKind.MERCHANT, MERCHANT, LAROUE, "ALIMENTATION");
        budget = ledger.sponsor(LAROUE, "b-roue", 2_600_000, 0);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private Conversion convert(ConversionId id, long eurosMinor, PaidBy paidBy, Payout payout) {
        return ledger.send(new ConvertEuros(COUNTER, id, MEMBER, eurosMinor, paidBy, payout, T1));
    }

    private ConversionCancellation cancel(CounterId counter, ConversionId id) {
        return ledger.send(new CancelConversion(counter, id, "wrong amount typed", "agent-anne", T2));
    }

    private static LedgerAccount roue(LedgerAccountKind kind) {
        return LedgerAccount.of("LAROUE", kind);
    }

    private long balance(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::balanceMinor);
    }

    private long remaining() {
        return ledger.inspect(BonusBudget.class, budget.value(), BonusBudget::remainingMinor);
    }

    @Test
    void cancellingAConversionToAnAccountPutsBackTheUnitsTheEurosAndTheBonus() {
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);
        assertThat(balance(MEMBER)).isEqualTo(12_000);

        ConversionCancellation cancellation = cancel(COUNTER, C_1);

        assertThat(cancellation).isEqualTo(new ConversionCancellation(C_1, 10_000, 12_000, 2_000, 0, PaidBy.CASH,
                Payout.ACCOUNT, null));
        assertThat(balance(MEMBER)).isZero();
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::expectedCashMinor)).isZero();
        assertThat(remaining()).isEqualTo(2_600_000);
        Postings eurosOut = Postings.of(List.of(
                new Posting(LedgerAccount.of("LAROUE", LedgerAccountKind.COUNTER_CASH, COUNTER.value()), -10_000),
                new Posting(roue(LedgerAccountKind.OUTSIDE), 10_000)));
        assertThat(ledger.eventsOf(COUNTER.value())).last().isEqualTo(new ConversionCancelled(C_1, COUNTER, LAROUE,
                MEMBER, 10_000, 12_000, 2_000, budget, PaidBy.CASH, Payout.ACCOUNT, null, null, 0,
                "wrong amount typed", "agent-anne", eurosOut, T2));
        Postings unitsBack = Postings.of(List.of(
                new Posting(LedgerAccount.of("LAROUE", LedgerAccountKind.PARTICIPANT, MEMBER.value()), -12_000),
                new Posting(roue(LedgerAccountKind.ISSUANCE), 12_000)));
        assertThat(ledger.eventsOf(MEMBER.value())).last().isEqualTo(new IssuedUnitsTakenBack(MEMBER, LAROUE, C_1,
                COUNTER, 12_000, "wrong amount typed", unitsBack, T2));
        assertThat(ledger.eventsOf(budget.value())).last().isEqualTo(new BonusReturned(budget, C_1, MEMBER,
                "2025-03", 2_000, T2));
    }

    @Test
    void aCardConversionCancelledLowersWhatTheDrawerExpectsInCard() {
        convert(C_1, 10_000, PaidBy.CARD, Payout.ACCOUNT);
        convert(ConversionId.of("c-2"), 3_000, PaidBy.CARD, Payout.ACCOUNT);

        cancel(COUNTER, C_1);

        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), (ExchangeCounter c) -> (Long) c.expectedMinor(PaidBy.CARD)))
                .isEqualTo(3_000);
    }

    @Test
    void unitsAlreadySpentCannotBeTakenBackAndNothingIsRecorded() {
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);
        ledger.send(new MakePayment(LAROUE, TransferId.of("t-1"), MEMBER, MERCHANT, 500, null, null, T1));
        int eventsBefore = ledger.allEvents().size();

        assertRefused(() -> cancel(COUNTER, C_1), Kind.REFUSED, "insufficient-funds");

        assertThat(ledger.allEvents()).hasSize(eventsBefore);
        assertThat(balance(MEMBER)).isEqualTo(11_500);
        assertThat(remaining()).isEqualTo(2_598_000);
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::expectedCashMinor))
                .isEqualTo(10_000);
    }

    @Test
    void aConversionIsCancelledOnceOnly() {
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);
        cancel(COUNTER, C_1);
        int eventsBefore = ledger.allEvents().size();

        assertRefused(() -> cancel(COUNTER, C_1), Kind.CONFLICT, "already-cancelled");

        assertThat(ledger.allEvents()).hasSize(eventsBefore);
        assertThat(remaining()).isEqualTo(2_600_000);
    }

    @Test
    void aConversionOfAClosedDayCannotBeCancelledEvenOnceTheCounterReopens() {
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);
        ledger.send(new CloseCounterDay(COUNTER, ClosingId.of("z-1"), Map.of(PaidBy.CASH, 10_000L), T1));

        assertRefused(() -> cancel(COUNTER, C_1), Kind.CONFLICT, "day-already-closed");
        ledger.send(new ReopenCounter(COUNTER, T1));
        assertRefused(() -> cancel(COUNTER, C_1), Kind.CONFLICT, "day-already-closed");

        assertThat(balance(MEMBER)).isEqualTo(12_000);
    }

    @Test
    void anUnknownConversionOrOneOfAnotherCounterIsNotFound() {
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);

        assertRefused(() -> cancel(COUNTER, ConversionId.of("c-nowhere")), Kind.NOT_FOUND, "not-found");
        assertRefused(() -> cancel(OTHER_COUNTER, C_1), Kind.NOT_FOUND, "not-found");

        assertThat(balance(MEMBER)).isEqualTo(12_000);
    }

    @Test
    void theReasonIsRequiredAndAtMostFiveHundredCharacters() {
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);

        for (String reason : new String[] {null, " ", "x".repeat(501)}) {
            Assertions.assertThatThrownBy(() -> ledger.send(new CancelConversion(COUNTER, C_1, reason, "agent-anne",
                            T2)))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.INVALID);
                        assertThat(e.field()).isEqualTo("reason");
                    });
        }
        assertThat(balance(MEMBER)).isEqualTo(12_000);
    }

    @Test
    void eurosAlreadyTakenOutOfTheDrawerCannotBeGivenBack() {
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);
        ledger.send(new PrepareRemittance(COUNTER, RemittanceId.of("r-1"), PaidBy.CASH, 5_000, T1));

        assertRefused(() -> cancel(COUNTER, C_1), Kind.REFUSED, "insufficient-cash");

        assertThat(balance(MEMBER)).isEqualTo(12_000);
    }

    @Test
    void notesHandedOverGoBackIntoTheStockAndLeaveCirculation() {
        ledger.send(new ReceiveNotes(COUNTER, Map.of(50, 2, 10, 3), T0));
        Conversion conversion = convert(C_1, 5_000, PaidBy.CASH, Payout.NOTES);
        assertThat(conversion.notes()).containsExactly(Map.entry(10, 1), Map.entry(50, 1));

        ConversionCancellation cancellation = cancel(COUNTER, C_1);

        assertThat(cancellation.notes()).containsExactly(Map.entry(10, 1), Map.entry(50, 1));
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::stock))
                .containsExactly(Map.entry(10, 3), Map.entry(50, 2));
        ConversionCancelled cancelled = (ConversionCancelled) ledger.eventsOf(COUNTER.value())
                .get(ledger.eventsOf(COUNTER.value()).size() - 1);
        assertThat(cancelled.postings().netOf(roue(LedgerAccountKind.PAPER_IN_CIRCULATION))).isEqualTo(-6_000);
        assertThat(cancelled.postings().netOf(roue(LedgerAccountKind.ISSUANCE))).isEqualTo(6_000);
        assertThat(cancelled.postings().netOf(roue(LedgerAccountKind.OUTSIDE))).isEqualTo(5_000);
        assertThat(ledger.allEvents()).noneMatch(IssuedUnitsTakenBack.class::isInstance);
        assertThat(remaining()).isEqualTo(2_600_000);
    }

    @Test
    void theBonusReturnsToItsBudgetAndTheMemberCanDrawItAgainTheSameMonth() {
        ledger.close();
        ledger = InMemoryLedger.start();
        ledger.defineLaRoue();
        ledger.defineCounter(COUNTER, LAROUE);
        ledger.registerMember(ParticipantId.of("p-member"), MEMBER, LAROUE);
        budget = ledger.sponsor(LAROUE, "b-capped", 2_600_000, 300);
        assertThat(convert(C_1, 1_000, PaidBy.CASH, Payout.ACCOUNT).bonusMinor()).isEqualTo(200);

        cancel(COUNTER, C_1);
        Conversion again = convert(ConversionId.of("c-2"), 1_000, PaidBy.CASH, Payout.ACCOUNT);

        // the cap is 3.00 a month: without the return the second conversion would get 1.00
        assertThat(again.bonusMinor()).isEqualTo(200);
        assertThat(again.bonusReason()).isNull();
        assertThat(remaining()).isEqualTo(2_599_800);
    }

    @Test
    void theDayReportIsNetOfTheCancelledConversion() {
        ledger.send(new ReceiveNotes(COUNTER, Map.of(10, 6), T0));
        convert(C_1, 10_000, PaidBy.CASH, Payout.ACCOUNT);
        convert(ConversionId.of("c-2"), 5_000, PaidBy.CASH, Payout.NOTES);
        convert(ConversionId.of("c-3"), 2_000, PaidBy.CASH, Payout.ACCOUNT);
        cancel(COUNTER, C_1);
        cancel(COUNTER, ConversionId.of("c-2"));

        DayReport report = ledger.send(new CloseCounterDay(COUNTER, ClosingId.of("z-1"),
                Map.of(PaidBy.CASH, 2_000L), T2));

        assertThat(report.conversions()).containsEntry(PaidBy.CASH, 1L);
        assertThat(report.eurosMinor()).containsEntry(PaidBy.CASH, 2_000L);
        assertThat(report.unitsElectronicMinor()).isEqualTo(2_400);
        assertThat(report.unitsPaperMinor()).isZero();
        assertThat(report.bonusMinor()).isEqualTo(400);
        assertThat(report.notesSold()).isEmpty();
        assertThat(report.totalDiscrepancyMinor()).isZero();
    }

    @Test
    void theDonationShareIsTakenBackFromTheAssociationToTheIssuer() {
        AccountId issuer = AccountId.of("acc-issuer");
        AccountId association = AccountId.of("acc-asso");
        ledger.register(ParticipantId.of("p-issuer"), ParticipantKind.ASSOCIATION, issuer, LAROUE, null);
        ledger.register(ParticipantId.of("p-asso"), ParticipantKind.ASSOCIATION, association, LAROUE, null);
        ledger.send(new SetDonationShare(LAROUE, issuer, 300, T0));
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-0"), issuer, 10_000, PaidBy.CASH, Payout.ACCOUNT,
                T1));
        long issuerBefore = balance(issuer);
        Conversion conversion = ledger.send(new ConvertEuros(COUNTER, C_1, MEMBER, 10_000, PaidBy.CASH,
                Payout.ACCOUNT, T1, association));
        assertThat(conversion.donationMinor()).isEqualTo(300);

        ConversionCancellation cancellation = cancel(COUNTER, C_1);

        assertThat(cancellation.donationMinor()).isEqualTo(300);
        assertThat(balance(association)).isZero();
        assertThat(balance(issuer)).isEqualTo(issuerBefore);
        assertThat(balance(MEMBER)).isZero();
        assertThat(ledger.eventsOf(association.value())).last().isInstanceOf(DonationReturned.class);
        assertThat(ledger.eventsOf(issuer.value())).last().isInstanceOf(DonationReturnReceived.class);
    }

    @Test
    void aDonationShareTheAssociationSpentCannotBeTakenBackAndNothingIsRecorded() {
        AccountId issuer = AccountId.of("acc-issuer");
        AccountId association = AccountId.of("acc-asso");
        ledger.register(ParticipantId.of("p-issuer"), ParticipantKind.ASSOCIATION, issuer, LAROUE, null);
        ledger.register(ParticipantId.of("p-asso"), ParticipantKind.ASSOCIATION, association, LAROUE, null);
        ledger.send(new SetDonationShare(LAROUE, issuer, 300, T0));
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-0"), issuer, 10_000, PaidBy.CASH, Payout.ACCOUNT,
                T1));
        ledger.send(new ConvertEuros(COUNTER, C_1, MEMBER, 10_000, PaidBy.CASH, Payout.ACCOUNT, T1, association));
        ledger.send(new MakePayment(LAROUE, TransferId.of("t-1"), association, MERCHANT, 100, null, null, T1));
        int eventsBefore = ledger.allEvents().size();

        assertRefused(() -> cancel(COUNTER, C_1), Kind.REFUSED, "donation-spent");

        assertThat(ledger.allEvents()).hasSize(eventsBefore);
        assertThat(balance(MEMBER)).isEqualTo(12_000);
    }
}
