package org.mlc.ledger.counter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountOpened;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.account.OpenAccount;
import org.mlc.ledger.account.UnitsIssued;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.participant.ParticipantKind;

class ConversionHandlerTest {

    private static final Instant T1 = Instant.parse("2025-03-03T10:15:00Z");
    private static final CounterId COUNTER = CounterId.of("counter-office");
    private static final CounterId ROUE_COUNTER = CounterId.of("counter-avignon");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId ROUE_MEMBER = AccountId.of("acc-roue");
    private static final ConversionId C_1 = ConversionId.of("c-1");

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineBousol();
        ledger.defineLaRoue();
        ledger.defineCounter(COUNTER, BOUSOL);
        ledger.defineCounter(ROUE_COUNTER, LAROUE);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
        ledger.registerMember(ParticipantId.of("p-roue"), ROUE_MEMBER, LAROUE);
        ledger.sponsor(BOUSOL, "budget-bousol", 1_000_000, 0);
        ledger.sponsor(LAROUE, "budget-roue", 2_600_000, 0);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private static ConvertEuros convert(CounterId counter, AccountId account, long eurosMinor) {
        return new ConvertEuros(counter, C_1, account, eurosMinor, PaidBy.CASH, Payout.ACCOUNT, T1);
    }

    private void assertNothingRecordedOnTheCounterOrTheAccounts() {
        assertThat(ledger.eventsOf(COUNTER.value())).hasSize(1).allMatch(CounterDefined.class::isInstance);
        assertThat(ledger.eventsOf(ROUE_COUNTER.value())).hasSize(1).allMatch(CounterDefined.class::isInstance);
        assertThat(ledger.allEvents()).noneMatch(e -> e instanceof EurosConverted || e instanceof UnitsIssued);
    }

    @Test
    void twentyEurosAtTheBouSolCounterGiveTwentyOneUnitsOfWhichOneIsBonus() {
        Conversion conversion = ledger.send(convert(COUNTER, ALICE, 2000));

        assertThat(conversion).isEqualTo(new Conversion(C_1, 2000, 2100, 100, null, Payout.ACCOUNT, null, 0, null));
    }

    @Test
    void theEurosGoFromOutsideIntoTheCounterCash() {
        ledger.send(new ConvertEuros(COUNTER, C_1, ALICE, 2000, PaidBy.CARD, Payout.ACCOUNT, T1));

        Postings eurosIn = Postings.of(List.of(
                new Posting(LedgerAccount.of("BOUSOL", LedgerAccountKind.OUTSIDE), -2000),
                new Posting(LedgerAccount.of("BOUSOL", LedgerAccountKind.COUNTER_CASH, COUNTER.value()), 2000)));
        assertThat(ledger.eventsOf(COUNTER.value())).last().isEqualTo(new EurosConverted(C_1, COUNTER, BOUSOL, ALICE,
                2000, 2100, 100, PaidBy.CARD, Payout.ACCOUNT, eurosIn, T1));
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::expectedCashMinor))
                .isEqualTo(2000);
    }

    @Test
    void theUnitsAreIssuedIntoTheParticipantsAccount() {
        ledger.send(convert(COUNTER, ALICE, 2000));

        Postings unitsIssued = Postings.of(List.of(
                new Posting(LedgerAccount.of("BOUSOL", LedgerAccountKind.ISSUANCE), -2100),
                new Posting(LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, ALICE.value()), 2100)));
        assertThat(ledger.eventsOf(ALICE.value())).last()
                .isEqualTo(new UnitsIssued(ALICE, BOUSOL, C_1, COUNTER, 2100, unitsIssued, T1));
        assertThat(ledger.inspect(Account.class, ALICE.value(), Account::balanceMinor)).isEqualTo(2100);
    }

    @Test
    void tenEurosAtLaRoueGiveTwelveUnits() {
        Conversion conversion = ledger.send(convert(ROUE_COUNTER, ROUE_MEMBER, 1000));

        assertThat(conversion).isEqualTo(new Conversion(C_1, 1000, 1200, 200, null, Payout.ACCOUNT, null, 0, null));
        assertThat(ledger.inspect(Account.class, ROUE_MEMBER.value(), Account::balanceMinor)).isEqualTo(1200);
    }

    @Test
    void oddSumsIssueUnitsRoundedDown() {
        Conversion conversion = ledger.send(convert(COUNTER, ALICE, 1999));

        assertThat(conversion.unitsMinor()).isEqualTo(2098);
        assertThat(conversion.bonusMinor()).isEqualTo(99);
    }

    @Test
    void successiveConversionsAddUpInTheDrawerAndTheAccount() {
        ledger.send(convert(COUNTER, ALICE, 2000));
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-2"), ALICE, 4000, PaidBy.CHEQUE, Payout.ACCOUNT, T1));

        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::expectedCashMinor))
                .isEqualTo(6000);
        assertThat(ledger.inspect(Account.class, ALICE.value(), Account::balanceMinor)).isEqualTo(6300);
    }

    @Test
    void anUnknownCounterIsNotFound() {
        assertRefused(() -> ledger.send(convert(CounterId.of("counter-nowhere"), ALICE, 2000)),
                Kind.NOT_FOUND, "not-found");

        assertNothingRecordedOnTheCounterOrTheAccounts();
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertRefused(() -> ledger.send(convert(COUNTER, AccountId.of("acc-nobody"), 2000)),
                Kind.NOT_FOUND, "not-found");

        assertNothingRecordedOnTheCounterOrTheAccounts();
    }

    @Test
    void aCounterOfAnUnknownCurrencyIsNotFound() {
        CurrencyCode ghost = CurrencyCode.of("GHOST");
        CounterId ghostCounter = CounterId.of("counter-ghost");
        AccountId ghostAccount = AccountId.of("acc-ghost");
        ledger.defineCounter(ghostCounter, ghost);
        ledger.send(new OpenAccount(ghostAccount, ParticipantId.of("p-ghost"), ParticipantKind.MEMBER, ghost, 0, T0));

        assertRefused(() -> ledger.send(convert(ghostCounter, ghostAccount, 2000)), Kind.NOT_FOUND, "not-found");

        assertThat(ledger.eventsOf(ghostCounter.value())).hasSize(1);
        assertThat(ledger.eventsOf(ghostAccount.value())).hasSize(1).allMatch(AccountOpened.class::isInstance);
    }

    @Test
    void aFrozenAccountCannotBuyUnitsAndTheCounterRecordsNothing() {
        ledger.send(new FreezeAccount(ALICE, "court order", T0));

        assertRefused(() -> ledger.send(convert(COUNTER, ALICE, 2000)), Kind.REFUSED, "account-frozen");

        assertNothingRecordedOnTheCounterOrTheAccounts();
        assertThat(ledger.inspect(ExchangeCounter.class, COUNTER.value(), ExchangeCounter::expectedCashMinor))
                .isZero();
    }

    @Test
    void anAccountInAnotherCurrencyCannotBuyAtThisCounter() {
        assertRefused(() -> ledger.send(convert(COUNTER, ROUE_MEMBER, 2000)), Kind.REFUSED, "currency-mismatch");

        assertNothingRecordedOnTheCounterOrTheAccounts();
    }

    @Test
    void notesThatTheStockCannotMakeUpExactlyAreRefused() {
        ledger.send(new ReceiveNotes(ROUE_COUNTER, java.util.Map.of(50, 1, 20, 1), T0));

        assertRefused(() -> ledger.send(new ConvertEuros(ROUE_COUNTER, C_1, ROUE_MEMBER, 5000, PaidBy.CASH,
                Payout.NOTES, T1)), Kind.REFUSED, "notes-unavailable");

        assertThat(ledger.allEvents()).noneMatch(e -> e instanceof EurosConverted || e instanceof NotesSold
                || e instanceof org.mlc.ledger.bonus.BonusDrawn);
    }

    @Test
    void theEurosMustBeGreaterThanZero() {
        assertRefused(() -> ledger.send(convert(COUNTER, ALICE, 0)), Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(convert(COUNTER, ALICE, -2000)), Kind.INVALID, "validation");

        assertNothingRecordedOnTheCounterOrTheAccounts();
    }

    @Test
    void theMeansOfPaymentIsRequired() {
        assertRefused(() -> ledger.send(new ConvertEuros(COUNTER, C_1, ALICE, 2000, null, Payout.ACCOUNT, T1)),
                Kind.INVALID, "validation");

        assertNothingRecordedOnTheCounterOrTheAccounts();
    }

    @Test
    void eurosTooFewToBuyOneCentAreRefused() {
        // a currency sold below parity: one euro cent buys half a cent of units
        CurrencyCode half = CurrencyCode.of("HALF");
        CounterId halfCounter = CounterId.of("counter-half");
        AccountId halfAccount = AccountId.of("acc-half");
        ledger.defineCurrency(half, "Half", new ConversionPolicy(200, 100));
        ledger.defineCounter(halfCounter, half);
        ledger.registerMember(ParticipantId.of("p-half"), halfAccount, half);

        assertRefused(() -> ledger.send(convert(halfCounter, halfAccount, 1)), Kind.INVALID, "validation");

        assertThat(ledger.eventsOf(halfCounter.value())).hasSize(1);
        assertThat(ledger.eventsOf(halfAccount.value())).hasSize(1);
    }

    @Test
    void aConversionWhoseUnitsWouldExceedTheLargestAmountIsRefusedNotOverflowed() {
        // one euro for a hundred units, the most a ratio may give
        CurrencyCode hundred = CurrencyCode.of("HUNDRED");
        CounterId hundredCounter = CounterId.of("counter-hundred");
        AccountId hundredAccount = AccountId.of("acc-hundred");
        ledger.defineCurrency(hundred, "Hundred", new ConversionPolicy(1, 100));
        ledger.defineCounter(hundredCounter, hundred);
        ledger.registerMember(ParticipantId.of("p-hundred"), hundredAccount, hundred);

        for (long euros : new long[] {org.mlc.ledger.money.Amounts.MAX_AMOUNT_MINOR, Long.MAX_VALUE / 2}) {
            assertThatThrownBy(() -> ledger.send(new ConvertEuros(hundredCounter, C_1, hundredAccount, euros,
                    PaidBy.CASH, Payout.ACCOUNT, T1)))
                    .isInstanceOfSatisfying(org.mlc.ledger.common.DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.INVALID);
                        assertThat(e.field()).isEqualTo("euros");
                    });
        }
        assertThat(ledger.eventsOf(hundredCounter.value())).hasSize(1);
    }
}
