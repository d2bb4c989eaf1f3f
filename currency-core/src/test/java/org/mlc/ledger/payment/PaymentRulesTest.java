package org.mlc.ledger.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.payment.TransferMetaData;
import org.mlc.ledger.payment.CheckBatchPayer;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.SetMemberTransfers;
import org.mlc.ledger.participant.ApproveMerchant;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.SuspendMerchant;

/** Who may pay whom, checked before anything moves (in memory, with the transfer saga). */
class PaymentRulesTest {

    private static final Instant T1 = T0.plusSeconds(60);
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId BOB = AccountId.of("acc-bob");
    private static final ParticipantId GROCER = ParticipantId.of("p-grocer");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final ParticipantId SUPPLIER = ParticipantId.of("p-supplier");
    private static final AccountId SUPPLIER_ACCOUNT = AccountId.of("acc-supplier");
    private static final ParticipantId NEWSHOP = ParticipantId.of("p-newshop");
    private static final AccountId NEWSHOP_ACCOUNT = AccountId.of("acc-newshop");
    private static final AccountId TOWN_ACCOUNT = AccountId.of("acc-town");

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
        ledger.register(SUPPLIER, ParticipantKind.MERCHANT, SUPPLIER_ACCOUNT, BOUSOL, "ALIMENTATION");
        ledger.register(NEWSHOP, ParticipantKind.MERCHANT, NEWSHOP_ACCOUNT, BOUSOL, null);
        ledger.register(ParticipantId.of("p-town"), ParticipantKind.COLLECTIVITE, TOWN_ACCOUNT, BOUSOL, null);
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-1"), ALICE, 20_000, PaidBy.CASH, Payout.ACCOUNT, T1));
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private TransferId pay(AccountId from, AccountId to, long amountMinor) {
        return ledger.send(new MakePayment(BOUSOL, TransferId.of("t-" + ++next), from, to, amountMinor, null, null, T1));
    }

    private TransferId refund(AccountId from, AccountId to, long amountMinor, TransferId refundOf) {
        return ledger.send(new MakePayment(BOUSOL, TransferId.of("t-" + ++next), from, to, amountMinor, "refund",
                refundOf, T1));
    }

    private long balance(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::balanceMinor);
    }

    @Test
    void thePayeeIsCreditedWithTheDebitAndTheSagaThatFollowsCreditsNothingMore() {
        // without the saga: the payment is complete when the command returns
        try (InMemoryLedger alone = InMemoryLedger.start()) {
            alone.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(100, 100));
            alone.defineCounter(COUNTER, BOUSOL);
            alone.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
            alone.register(GROCER, ParticipantKind.MERCHANT, GROCER_ACCOUNT, BOUSOL, "ALIMENTATION");
            alone.send(new ConvertEuros(COUNTER, ConversionId.of("c-1"), ALICE, 20_000, PaidBy.CASH, Payout.ACCOUNT, T1));
            alone.send(new MakePayment(BOUSOL, TransferId.of("t-alone"), ALICE, GROCER_ACCOUNT, 1_500, null, null, T1));
            assertThat(alone.inspect(Account.class, GROCER_ACCOUNT.value(), Account::balanceMinor)).isEqualTo(1_500);
            assertThat(alone.eventsOf(GROCER_ACCOUNT.value())).filteredOn(TransferCredited.class::isInstance)
                    .hasSize(1);
        }
        // with it: still one credit, and the debit says the saga has nothing to do
        pay(ALICE, GROCER_ACCOUNT, 1_500);
        assertThat(ledger.debitMetaData(ALICE.value())).containsEntry(TransferMetaData.CREDIT_FOLLOWS, Boolean.TRUE);
        assertThat(ledger.lastMetaData(GROCER_ACCOUNT.value(), TransferCredited.class))
                .containsEntry(TransferMetaData.CREDITED_WITH_DEBIT, Boolean.TRUE);
        assertThat(ledger.eventsOf(GROCER_ACCOUNT.value())).filteredOn(TransferCredited.class::isInstance).hasSize(1);
        assertThat(balance(GROCER_ACCOUNT)).isEqualTo(1_500);
        assertThat(balance(ALICE)).isEqualTo(18_500);
    }

    @Test
    void aMemberPaysAnApprovedMerchantWhichPaysItsSupplier() {
        pay(ALICE, GROCER_ACCOUNT, 15_000);
        pay(GROCER_ACCOUNT, SUPPLIER_ACCOUNT, 2_000);

        assertThat(balance(ALICE)).isEqualTo(5_000);
        assertThat(balance(GROCER_ACCOUNT)).isEqualTo(13_000);
        assertThat(balance(SUPPLIER_ACCOUNT)).isEqualTo(2_000);
    }

    @Test
    void aPayerWithoutTheFundsIsRefusedAlikeWhateverThePayeeSoNoAccountIdCanBeProbed() {
        ledger.defineCurrency(InMemoryLedger.LAROUE, "La Roue", new ConversionPolicy(100, 100));
        AccountId elsewhere = AccountId.of("acc-elsewhere");
        ledger.registerMember(ParticipantId.of("p-elsewhere"), elsewhere, InMemoryLedger.LAROUE);
        // ids on both sides of the payer's, so the payee is loaded first or second
        for (AccountId payee : java.util.List.of(GROCER_ACCOUNT, elsewhere, AccountId.of("acc-0-unknown"),
                AccountId.of("acc-zz-unknown"))) {
            assertRefused(() -> pay(ALICE, payee, 9_999_900), Kind.REFUSED, "insufficient-funds");
            assertRefused(() -> ledger.send(new AuthorizePayment(BOUSOL, org.mlc.ledger.common.HoldId.of("h-" + payee),
                    ALICE, payee, 9_999_900, null, T1.plusSeconds(600), T1)), Kind.REFUSED, "insufficient-funds");
        }
        // a payer that could pay is told what is wrong with the payee, and pays nothing
        assertRefused(() -> pay(ALICE, AccountId.of("acc-zz-unknown"), 1_000), Kind.NOT_FOUND, "not-found");
        // another currency's account is as unknown as one that does not exist
        assertRefused(() -> pay(ALICE, elsewhere, 1_000), Kind.NOT_FOUND, "not-found");
        assertThat(balance(ALICE)).isEqualTo(20_000);
    }

    @Test
    void aMerchantNotApprovedOrSuspendedCannotBePaidAndNothingMoves() {
        assertRefused(() -> pay(ALICE, NEWSHOP_ACCOUNT, 1_000), Kind.REFUSED, "merchant-not-approved");
        ledger.send(new SuspendMerchant(GROCER, "admin", "audit", T1));
        assertRefused(() -> pay(ALICE, GROCER_ACCOUNT, 1_000), Kind.REFUSED, "merchant-not-approved");

        assertThat(balance(ALICE)).isEqualTo(20_000);
        ledger.send(new ApproveMerchant(NEWSHOP, "LOISIRS_CULTURE", "admin", "visit ok", T1));
        pay(ALICE, NEWSHOP_ACCOUNT, 1_000);
        assertThat(balance(NEWSHOP_ACCOUNT)).isEqualTo(1_000);
    }

    @Test
    void aCollectiviteReceivesLikeAMerchantWithoutAgrement() {
        pay(ALICE, TOWN_ACCOUNT, 500);
        assertThat(balance(TOWN_ACCOUNT)).isEqualTo(500);
    }

    @Test
    void membersPayMembersUnlessTheCurrencyTurnsItOff() {
        pay(ALICE, BOB, 1_000);
        assertThat(balance(BOB)).isEqualTo(1_000);

        ledger.send(new SetMemberTransfers(BOUSOL, false, T1));
        assertRefused(() -> pay(ALICE, BOB, 1_000), Kind.REFUSED, "member-transfers-not-allowed");
        assertThat(balance(BOB)).isEqualTo(1_000);
    }

    @Test
    void aFrozenAccountNeitherPaysNorIsPaid() {
        pay(ALICE, GROCER_ACCOUNT, 1_000);
        ledger.send(new FreezeAccount(GROCER_ACCOUNT, "court order", T1));

        assertRefused(() -> pay(ALICE, GROCER_ACCOUNT, 1_000), Kind.REFUSED, "account-frozen");
        assertRefused(() -> pay(GROCER_ACCOUNT, SUPPLIER_ACCOUNT, 100), Kind.REFUSED, "account-frozen");
        assertThat(balance(ALICE)).isEqualTo(19_000);
    }

    @Test
    void aMerchantRefundsPartOfAPaymentButNeverMoreThanIsLeftOfIt() {
        TransferId payment = pay(ALICE, GROCER_ACCOUNT, 15_000);

        refund(GROCER_ACCOUNT, ALICE, 500, payment);
        assertRefused(() -> refund(GROCER_ACCOUNT, ALICE, 15_000, payment), Kind.REFUSED, "refund-exceeds-payment");
        refund(GROCER_ACCOUNT, ALICE, 14_500, payment);
        assertRefused(() -> refund(GROCER_ACCOUNT, ALICE, 1, payment), Kind.REFUSED, "refund-exceeds-payment");

        assertThat(balance(ALICE)).isEqualTo(20_000);
        assertThat(balance(GROCER_ACCOUNT)).isZero();
    }

    @Test
    void aRefundGoesBackToThePayerOfAPaymentTheMerchantReceived() {
        TransferId payment = pay(ALICE, GROCER_ACCOUNT, 15_000);
        TransferId other = pay(GROCER_ACCOUNT, SUPPLIER_ACCOUNT, 100);

        assertRefused(() -> refund(GROCER_ACCOUNT, BOB, 100, payment), Kind.REFUSED, "refund-not-to-payer");
        assertRefused(() -> refund(GROCER_ACCOUNT, ALICE, 100, other), Kind.NOT_FOUND, "not-found");
        assertRefused(() -> refund(GROCER_ACCOUNT, ALICE, 100, TransferId.of("nope")), Kind.NOT_FOUND, "not-found");
    }

    @Test
    void aMerchantPaysAMemberOnlyAsARefund() {
        pay(ALICE, GROCER_ACCOUNT, 1_000);
        assertRefused(() -> pay(GROCER_ACCOUNT, ALICE, 100), Kind.REFUSED, "refund-required");
    }

    @Test
    void anUnknownPayeeIsNotFoundAndTheBalanceStillLimitsThePayer() {
        assertRefused(() -> pay(ALICE, AccountId.of("acc-nobody"), 100), Kind.NOT_FOUND, "not-found");
        assertRefused(() -> pay(ALICE, GROCER_ACCOUNT, 20_001), Kind.REFUSED, "insufficient-funds");
    }

    @Test
    void onlyACollectivitePaysInBulk() {
        pay(ALICE, TOWN_ACCOUNT, 5_000);
        ledger.send(new MakePayment(BOUSOL, TransferId.of("t-bulk-1"), TOWN_ACCOUNT, ALICE, 1_000, "subsidy", null,
                true, T1));
        assertThat(balance(ALICE)).isEqualTo(16_000);

        assertRefused(() -> ledger.send(new MakePayment(BOUSOL, TransferId.of("t-bulk-2"), ALICE, BOB, 1_000, null,
                null, true, T1)), Kind.REFUSED, "bulk-payments-not-allowed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.send(new CheckBatchPayer(ALICE)))
                .hasMessage("only a collectivité pays in bulk; account acc-alice is a member");
        assertThat(ledger.<AccountId>send(new CheckBatchPayer(TOWN_ACCOUNT))).isEqualTo(TOWN_ACCOUNT);
        assertThat(balance(ALICE)).isEqualTo(16_000);
        assertThat(balance(BOB)).isZero();
    }
}
