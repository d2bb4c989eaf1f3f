package org.mlc.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.domainException;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.CreditTransfer;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.payment.ReturnTransfer;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;

class AccountTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-02T15:30:00Z");
    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId BOB = AccountId.of("acc-bob");
    private static final ParticipantId ALICE_OWNER = ParticipantId.of("p-alice");
    private static final TransferId T_1 = TransferId.of("t-1");

    private static final LedgerAccount ALICE_LEDGER =
            LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, ALICE.value());
    private static final LedgerAccount IN_TRANSIT = LedgerAccount.of("BOUSOL", LedgerAccountKind.IN_TRANSIT);
    private static final LedgerAccount ISSUANCE = LedgerAccount.of("BOUSOL", LedgerAccountKind.ISSUANCE);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.payerFixture();
    }

    private static AccountOpened opened() {
        return opened(0);
    }

    private static AccountOpened opened(long floorMinor) {
        return new AccountOpened(ALICE, ALICE_OWNER, ParticipantKind.MEMBER, BOUSOL, floorMinor, T0);
    }

    private static UnitsIssued issued(long unitsMinor) {
        return new UnitsIssued(ALICE, BOUSOL, ConversionId.of("c-1"), CounterId.of("counter-1"), unitsMinor,
                Postings.builder().move(ISSUANCE, ALICE_LEDGER, unitsMinor).build(), T0);
    }

    private static MakePayment pay(long amountMinor) {
        return new MakePayment(BOUSOL, T_1, ALICE, BOB, amountMinor, "bread", null, T1);
    }

    private static TransferDebited debited(long amountMinor) {
        return new TransferDebited(T_1, ALICE, BOB, BOUSOL, amountMinor, "bread",
                Postings.builder().move(ALICE_LEDGER, IN_TRANSIT, amountMinor).build(), T1);
    }

    private static CreditTransfer creditFromBob(long amountMinor) {
        return new CreditTransfer(ALICE, T_1, BOB, BOUSOL, amountMinor, T1);
    }

    private static AccountFrozen frozen() {
        return new AccountFrozen(ALICE, "court order", T0);
    }

    @Test
    void opensAnActiveAccountForItsOwner() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ALICE, ALICE_OWNER, ParticipantKind.MEMBER, BOUSOL, 0, T0))
                .expectEvents(opened())
                .expectState(account -> {
                    assertThat(account.id()).isEqualTo(ALICE);
                    assertThat(account.owner()).isEqualTo(ALICE_OWNER);
                    assertThat(account.currency()).isEqualTo(BOUSOL);
                    assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
                    assertThat(account.balanceMinor()).isZero();
                });
    }

    @Test
    void aCreditLimitIsAFloorBelowZero() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ALICE, ALICE_OWNER, ParticipantKind.MERCHANT, BOUSOL, -5000, T0))
                .expectEvents(new AccountOpened(ALICE, ALICE_OWNER, ParticipantKind.MERCHANT, BOUSOL, -5000, T0));
    }

    @Test
    void cannotOpenAnAccountWithAFloorAboveZero() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ALICE, ALICE_OWNER, ParticipantKind.MEMBER, BOUSOL, 1, T0))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @Test
    void paysWithinTheBalanceByMovingTheAmountIntoTransit() {
        fixture.given(opened(), issued(2100))
                .when(pay(1250))
                .expectEvents(debited(1250))
                .expectState(account -> assertThat(account.balanceMinor()).isEqualTo(850));
    }

    @Test
    void theDebitPostingsTakeFromThePayerAndPutInTransit() {
        Postings payerToInTransit =
                Postings.of(List.of(new Posting(ALICE_LEDGER, -1250), new Posting(IN_TRANSIT, 1250)));

        fixture.given(opened(), issued(2100))
                .when(pay(1250))
                .expectEvents(new TransferDebited(T_1, ALICE, BOB, BOUSOL, 1250, "bread", payerToInTransit, T1));
    }

    @Test
    void aReferenceMayBeLeftOutOrGoUpToItsLimit() {
        String longest = "r".repeat(MakePayment.MAX_REFERENCE_LENGTH);
        fixture.given(opened(), issued(2100))
                .when(new MakePayment(BOUSOL, T_1, ALICE, BOB, 500, longest, null, T1))
                .expectEvents(new TransferDebited(T_1, ALICE, BOB, BOUSOL, 500, longest,
                        Postings.builder().move(ALICE_LEDGER, IN_TRANSIT, 500).build(), T1));
        fixture = AccountFixtures.payerFixture();
        fixture.given(opened(), issued(2100))
                .when(new MakePayment(BOUSOL, T_1, ALICE, BOB, 500, null, null, T1))
                .expectEvents(new TransferDebited(T_1, ALICE, BOB, BOUSOL, 500, null,
                        Postings.builder().move(ALICE_LEDGER, IN_TRANSIT, 500).build(), T1));
    }

    @Test
    void aReferenceLongerThanItsLimitIsRefused() {
        fixture.given(opened(), issued(2100))
                .when(new MakePayment(BOUSOL, T_1, ALICE, BOB, 500,
                        "r".repeat(MakePayment.MAX_REFERENCE_LENGTH + 1), null, T1))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @Test
    void canPayItsWholeBalance() {
        fixture.given(opened(), issued(2100))
                .when(pay(2100))
                .expectEvents(debited(2100))
                .expectState(account -> assertThat(account.balanceMinor()).isZero());
    }

    @Test
    void cannotPayMoreThanTheBalance() {
        fixture.given(opened(), issued(2100))
                .when(pay(2101))
                .expectException(domainException(Kind.REFUSED, "insufficient-funds"))
                .expectExceptionMessage("account acc-alice holds 21.00 BOUSOL available, less than 21.01 BOUSOL")
                .expectNoEvents();
    }

    @Test
    void cannotPayFromAnEmptyAccount() {
        fixture.given(opened())
                .when(pay(1))
                .expectException(domainException(Kind.REFUSED, "insufficient-funds"))
                .expectNoEvents();
    }

    @Test
    void cannotPayWhatWasAlreadyPaid() {
        fixture.given(opened(), issued(2100), debited(2000))
                .when(new MakePayment(BOUSOL, TransferId.of("t-2"), ALICE, BOB, 101, null, null, T1))
                .expectException(domainException(Kind.REFUSED, "insufficient-funds"))
                .expectNoEvents();
    }

    @Test
    void aCreditLimitLetsTheBalanceGoDownToTheFloorAndNoFurther() {
        fixture.given(opened(-1000))
                .when(pay(1000))
                .expectEvents(debited(1000))
                .expectState(account -> assertThat(account.balanceMinor()).isEqualTo(-1000));

        fixture = AccountFixtures.payerFixture();
        fixture.given(opened(-1000))
                .when(pay(1001))
                .expectException(domainException(Kind.REFUSED, "insufficient-funds"))
                .expectNoEvents();
    }

    @Test
    void paymentsMustBeGreaterThanZero() {
        fixture.given(opened(), issued(2100))
                .when(pay(0))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
        fixture = AccountFixtures.payerFixture();
        fixture.given(opened(), issued(2100))
                .when(pay(-500))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @Test
    void cannotPayItself() {
        fixture.given(opened(), issued(2100))
                .when(new MakePayment(BOUSOL, T_1, ALICE, ALICE, 500, null, null, T1))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectExceptionMessage("an account cannot pay itself")
                .expectNoEvents();
    }

    @Test
    void aFrozenAccountCannotPay() {
        fixture.given(opened(), issued(2100), frozen())
                .when(pay(500))
                .expectException(domainException(Kind.REFUSED, "account-frozen"))
                .expectNoEvents();
    }

    @Test
    void aClosedAccountCannotPay() {
        fixture.given(opened(), new AccountClosed(ALICE, "moved away", T0))
                .when(pay(500))
                .expectException(domainException(Kind.REFUSED, "account-frozen"))
                .expectNoEvents();
    }

    @Test
    void anUnfrozenAccountPaysAgain() {
        fixture.given(opened(), issued(2100), frozen(), new AccountUnfrozen(ALICE, "order lifted", T0))
                .when(pay(500))
                .expectEvents(debited(500));
    }

    @Test
    void aCreditOnAnActiveAccountBringsTheAmountOutOfTransit() {
        fixture.given(opened())
                .when(creditFromBob(1250))
                .expectEvents(new TransferCredited(T_1, BOB, ALICE, BOUSOL, 1250,
                        Postings.builder().move(IN_TRANSIT, ALICE_LEDGER, 1250).build(), T1))
                .expectState(account -> assertThat(account.balanceMinor()).isEqualTo(1250));
    }

    @Test
    void aTransferAlreadyCreditedIsNotCreditedTwice() {
        fixture.given(opened(), new TransferCredited(T_1, BOB, ALICE, BOUSOL, 1250,
                        Postings.builder().move(IN_TRANSIT, ALICE_LEDGER, 1250).build(), T1))
                .when(creditFromBob(1250))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(account -> assertThat(account.balanceMinor()).isEqualTo(1250));
    }

    @Test
    void whatWasCreditedCanBePaidOn() {
        fixture.given(opened(), new TransferCredited(TransferId.of("t-0"), BOB, ALICE, BOUSOL, 1250,
                        Postings.builder().move(IN_TRANSIT, ALICE_LEDGER, 1250).build(), T0))
                .when(pay(1250))
                .expectEvents(debited(1250));
    }

    @Test
    void aCreditOnAFrozenAccountIsRefusedAsAnOutcomeNotAnError() {
        fixture.given(opened(), frozen())
                .when(creditFromBob(1250))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransferCreditRefused(T_1, BOB, ALICE, 1250, "account-frozen", T1))
                .expectState(account -> assertThat(account.balanceMinor()).isZero());
    }

    @Test
    void aCreditOnAClosedAccountIsRefused() {
        fixture.given(opened(), new AccountClosed(ALICE, "moved away", T0))
                .when(creditFromBob(1250))
                .expectEvents(new TransferCreditRefused(T_1, BOB, ALICE, 1250, "account-frozen", T1));
    }

    @Test
    void aCreditInAnotherCurrencyIsRefused() {
        fixture.given(opened())
                .when(new CreditTransfer(ALICE, T_1, BOB, CurrencyCode.of("LAROUE"), 1250, T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransferCreditRefused(T_1, BOB, ALICE, 1250, "currency-mismatch", T1))
                .expectState(account -> assertThat(account.balanceMinor()).isZero());
    }

    @Test
    void aReturnedTransferComesBackToThePayer() {
        fixture.given(opened(), issued(2100), debited(1250))
                .when(new ReturnTransfer(ALICE, T_1, 1250, "account-frozen", T1))
                .expectEvents(new TransferReturned(T_1, ALICE, 1250, "account-frozen",
                        Postings.builder().move(IN_TRANSIT, ALICE_LEDGER, 1250).build(), T1))
                .expectState(account -> assertThat(account.balanceMinor()).isEqualTo(2100));
    }

    @Test
    void aReturnIsAcceptedEvenWhenThePayerIsFrozen() {
        fixture.given(opened(), issued(2100), debited(1250), frozen())
                .when(new ReturnTransfer(ALICE, T_1, 1250, "account-frozen", T1))
                .expectEvents(new TransferReturned(T_1, ALICE, 1250, "account-frozen",
                        Postings.builder().move(IN_TRANSIT, ALICE_LEDGER, 1250).build(), T1))
                .expectState(account -> {
                    assertThat(account.balanceMinor()).isEqualTo(2100);
                    assertThat(account.status()).isEqualTo(AccountStatus.FROZEN);
                });
    }

    @Test
    void freezingNeedsAReason() {
        for (String reason : new String[] {null, "", "   ", "x".repeat(Account.MAX_REASON_LENGTH + 1)}) {
            fixture = AccountFixtures.payerFixture();
            fixture.given(opened())
                    .when(new FreezeAccount(ALICE, reason, T1))
                    .expectException(domainException(Kind.INVALID, "validation"))
                    .expectNoEvents();
        }
    }

    @Test
    void freezesAnActiveAccountSayingWhy() {
        String longestReason = "x".repeat(Account.MAX_REASON_LENGTH);
        fixture.given(opened())
                .when(new FreezeAccount(ALICE, longestReason, T1))
                .expectEvents(new AccountFrozen(ALICE, longestReason, T1))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.FROZEN));
    }

    @Test
    void freezingAFrozenAccountChangesNothing() {
        fixture.given(opened(), frozen())
                .when(new FreezeAccount(ALICE, "again", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unfreezesAFrozenAccountSayingWhy() {
        fixture.given(opened(), frozen())
                .when(new UnfreezeAccount(ALICE, "order lifted", T1))
                .expectEvents(new AccountUnfrozen(ALICE, "order lifted", T1))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE));
    }

    @Test
    void unfreezingNeedsAReason() {
        fixture.given(opened(), frozen())
                .when(new UnfreezeAccount(ALICE, " ", T1))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @Test
    void unfreezingAnActiveAccountChangesNothing() {
        fixture.given(opened())
                .when(new UnfreezeAccount(ALICE, "just in case", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedAccountCannotBeFrozenOrUnfrozen() {
        fixture.given(opened(), new AccountClosed(ALICE, "moved away", T0))
                .when(new FreezeAccount(ALICE, "court order", T1))
                .expectException(domainException(Kind.CONFLICT, "account-closed"))
                .expectNoEvents();
        fixture = AccountFixtures.payerFixture();
        fixture.given(opened(), new AccountClosed(ALICE, "moved away", T0))
                .when(new UnfreezeAccount(ALICE, "order lifted", T1))
                .expectException(domainException(Kind.CONFLICT, "account-closed"))
                .expectNoEvents();
    }

    @Test
    void closesAnEmptyAccount() {
        fixture.given(opened(), issued(2100), debited(2100))
                .when(new CloseAccount(ALICE, "moved away", T1))
                .expectEvents(new AccountClosed(ALICE, "moved away", T1))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.CLOSED));
    }

    @Test
    void cannotCloseAnAccountThatStillHoldsUnits() {
        fixture.given(opened(), issued(2100))
                .when(new CloseAccount(ALICE, "moved away", T1))
                .expectException(domainException(Kind.REFUSED, "balance-not-zero"))
                .expectExceptionMessage("account acc-alice still holds 21.00 BOUSOL")
                .expectNoEvents();
    }

    @Test
    void cannotCloseAnAccountInDebt() {
        fixture.given(opened(-1000), debited(500))
                .when(new CloseAccount(ALICE, "moved away", T1))
                .expectException(domainException(Kind.REFUSED, "balance-not-zero"))
                .expectNoEvents();
    }

    @Test
    void closingNeedsAReason() {
        fixture.given(opened())
                .when(new CloseAccount(ALICE, null, T1))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @Test
    void closingAClosedAccountChangesNothing() {
        fixture.given(opened(), new AccountClosed(ALICE, "moved away", T0))
                .when(new CloseAccount(ALICE, "again", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFrozenAccountCanBeClosedOnceEmpty() {
        fixture.given(opened(), frozen())
                .when(new CloseAccount(ALICE, "fraud", T1))
                .expectEvents(new AccountClosed(ALICE, "fraud", T1));
    }
}
