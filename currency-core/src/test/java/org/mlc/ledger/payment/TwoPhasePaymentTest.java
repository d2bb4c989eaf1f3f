package org.mlc.ledger.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.SuspendMerchant;

/** Authorize, then capture or void, for payment terminals (in memory, with the transfer saga). */
class TwoPhasePaymentTest {

    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant EXPIRY = T1.plus(Duration.ofMinutes(30));
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId BOB = AccountId.of("acc-bob");
    private static final ParticipantId GROCER = ParticipantId.of("p-grocer");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final AccountId NEWSHOP_ACCOUNT = AccountId.of("acc-newshop");

    private InMemoryLedger ledger;
    private int next;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.startWithTransferSaga();
        ledger.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(100, 100));
        ledger.defineCounter(COUNTER, BOUSOL);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
        ledger.registerMember(ParticipantId.of("p-bob"), BOB, BOUSOL);
        ledger.register(GROCER, ParticipantKind.MERCHANT, GROCER_ACCOUNT, BOUSOL, "ALIMENTATION");
        ledger.register(ParticipantId.of("p-newshop"), ParticipantKind.MERCHANT, NEWSHOP_ACCOUNT, BOUSOL, null);
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-1"), ALICE, 10_000, PaidBy.CASH, Payout.ACCOUNT, T1));
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private HoldId authorize(AccountId to, long amountMinor) {
        return ledger.send(new AuthorizePayment(BOUSOL, HoldId.of("h-" + ++next), ALICE, to, amountMinor, "till 3",
                EXPIRY, T1));
    }

    private TransferId capture(HoldId hold, long amountMinor, Instant at) {
        return ledger.send(new CapturePayment(hold, ALICE, GROCER_ACCOUNT, TransferId.of("t-" + ++next),
                amountMinor, at));
    }

    private long balance(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::balanceMinor);
    }

    private long available(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::availableMinor);
    }

    @Test
    void anAuthorizedAmountStaysOnTheAccountButCannotBeSpentElsewhere() {
        authorize(GROCER_ACCOUNT, 7_000);

        assertThat(balance(ALICE)).isEqualTo(10_000);
        assertThat(available(ALICE)).isEqualTo(3_000);
        assertRefused(() -> ledger.send(new MakePayment(BOUSOL, TransferId.of("t-x"), ALICE, BOB, 3_001, null, null,
                T1)), Kind.REFUSED, "insufficient-funds");
        assertRefused(() -> authorize(GROCER_ACCOUNT, 3_001), Kind.REFUSED, "insufficient-funds");
    }

    @Test
    void aCaptureBelowTheHoldPaysThatAndReleasesTheRest() {
        HoldId hold = authorize(GROCER_ACCOUNT, 7_000);

        TransferId payment = capture(hold, 6_250, T1.plusSeconds(30));

        assertThat(balance(ALICE)).isEqualTo(3_750);
        assertThat(available(ALICE)).isEqualTo(3_750);
        assertThat(balance(GROCER_ACCOUNT)).isEqualTo(6_250);
        assertThat(ledger.eventsOf(ALICE.value())).anySatisfy(event -> assertThat(event)
                .isEqualTo(new PaymentCaptured(hold, ALICE, GROCER_ACCOUNT, payment, 6_250, 750, T1.plusSeconds(30))));
        assertRefused(() -> capture(hold, 100, T1.plusSeconds(40)), Kind.REFUSED, "hold-not-open");
    }

    @Test
    void aCaptureAboveTheHoldOrAfterItsExpiryIsRefusedAndTheHoldStays() {
        HoldId hold = authorize(GROCER_ACCOUNT, 7_000);

        assertRefused(() -> capture(hold, 7_001, T1), Kind.REFUSED, "capture-exceeds-hold");
        assertRefused(() -> capture(hold, 7_000, EXPIRY), Kind.REFUSED, "hold-expired");

        assertThat(available(ALICE)).isEqualTo(3_000);
        assertThat(balance(GROCER_ACCOUNT)).isZero();
    }

    @Test
    void aVoidedHoldIsFreeAgainAndCannotBeCaptured() {
        HoldId hold = authorize(GROCER_ACCOUNT, 7_000);

        ledger.send(new VoidPayment(ALICE, hold, T1));

        assertThat(available(ALICE)).isEqualTo(10_000);
        assertRefused(() -> capture(hold, 1_000, T1), Kind.REFUSED, "hold-not-open");
        assertRefused(() -> ledger.send(new VoidPayment(ALICE, hold, T1)), Kind.REFUSED, "hold-not-open");
    }

    @Test
    void anExpiredHoldIsReleasedOnceAndNotBeforeItsTime() {
        HoldId hold = authorize(GROCER_ACCOUNT, 7_000);

        boolean early = ledger.send(new ReleaseExpiredHold(ALICE, hold, EXPIRY.minusSeconds(1)));
        boolean released = ledger.send(new ReleaseExpiredHold(ALICE, hold, EXPIRY));
        boolean again = ledger.send(new ReleaseExpiredHold(ALICE, hold, EXPIRY.plusSeconds(60)));

        assertThat(early).isFalse();
        assertThat(released).isTrue();
        assertThat(again).isFalse();
        assertThat(available(ALICE)).isEqualTo(10_000);
        assertThat(ledger.eventsOf(ALICE.value())).filteredOn(PaymentHoldReleased.class::isInstance)
                .containsExactly(new PaymentHoldReleased(hold, ALICE, 7_000, PaymentHold.EXPIRED, EXPIRY));
    }

    @Test
    void bothPhasesFollowTheRulesOfWhoMayPayWhom() {
        assertRefused(() -> authorize(NEWSHOP_ACCOUNT, 1_000), Kind.REFUSED, "merchant-not-approved");
        HoldId hold = authorize(GROCER_ACCOUNT, 1_000);

        ledger.send(new SuspendMerchant(GROCER, "admin", "audit", T1));

        assertRefused(() -> capture(hold, 1_000, T1), Kind.REFUSED, "merchant-not-approved");
        assertThat(available(ALICE)).isEqualTo(9_000);
    }

    @Test
    void aCaptureNamesTheHoldsPayee() {
        HoldId hold = authorize(GROCER_ACCOUNT, 1_000);

        assertRefused(() -> ledger.send(new CapturePayment(hold, ALICE, BOB, TransferId.of("t-bob"), 1_000, T1)),
                Kind.REFUSED, "hold-not-open");
    }

    @Test
    void aHoldIsBoundedInTimeAndInNumber() {
        assertRefused(() -> ledger.send(new AuthorizePayment(BOUSOL, HoldId.of("h-past"), ALICE, GROCER_ACCOUNT, 100,
                null, T1, T1)), Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new AuthorizePayment(BOUSOL, HoldId.of("h-long"), ALICE, GROCER_ACCOUNT, 100,
                null, T1.plus(PaymentHold.MAX_DURATION).plusSeconds(1), T1)), Kind.INVALID, "validation");
        for (int i = 0; i < PaymentHold.MAX_OPEN_PER_ACCOUNT; i++) {
            authorize(GROCER_ACCOUNT, 1);
        }
        assertRefused(() -> authorize(GROCER_ACCOUNT, 1), Kind.REFUSED, "too-many-holds");
    }

    @Test
    void aFrozenPayerCannotAuthorizeNorCapture() {
        HoldId hold = authorize(GROCER_ACCOUNT, 1_000);
        ledger.send(new FreezeAccount(ALICE, "lost card", T1));

        assertRefused(() -> authorize(GROCER_ACCOUNT, 1_000), Kind.REFUSED, "account-frozen");
        assertRefused(() -> capture(hold, 1_000, T1), Kind.REFUSED, "account-frozen");
        assertThat(balance(GROCER_ACCOUNT)).isZero();
    }
}
