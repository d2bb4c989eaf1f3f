package org.mlc.ledger.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.payment.TransferMetaData;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;

class TransferSagaTest {

    private static final Instant DEBITED_AT = Instant.parse("2025-03-02T15:30:00Z");
    private static final Instant REFUSED_AT = Instant.parse("2025-03-02T15:30:01Z");
    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId BOB = AccountId.of("acc-bob");
    private static final TransferId T_1 = TransferId.of("t-1");
    private static final TransferId T_2 = TransferId.of("t-2");
    private static final LedgerAccount IN_TRANSIT = LedgerAccount.of("BOUSOL", LedgerAccountKind.IN_TRANSIT);

    private SagaTestFixture<TransferSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TransferSaga.class);
    }

    private static TransferDebited debited(TransferId transfer, long amountMinor) {
        return new TransferDebited(transfer, ALICE, BOB, BOUSOL, amountMinor, "bread",
                Postings.builder().move(participant(ALICE), IN_TRANSIT, amountMinor).build(), DEBITED_AT);
    }

    private static TransferCredited credited(TransferId transfer, long amountMinor) {
        return new TransferCredited(transfer, ALICE, BOB, BOUSOL, amountMinor,
                Postings.builder().move(IN_TRANSIT, participant(BOB), amountMinor).build(), DEBITED_AT);
    }

    private static TransferCreditRefused refused(TransferId transfer, long amountMinor) {
        return new TransferCreditRefused(transfer, ALICE, BOB, amountMinor, "account-frozen", REFUSED_AT);
    }

    private static TransferReturned returned(TransferId transfer, long amountMinor) {
        return new TransferReturned(transfer, ALICE, amountMinor, "account-frozen",
                Postings.builder().move(IN_TRANSIT, participant(ALICE), amountMinor).build(), REFUSED_AT);
    }

    private static LedgerAccount participant(AccountId account) {
        return LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, account.value());
    }

    @Test
    void aDebitStartsTheTransferAndCreditsThePayeeAtTheTimeOfTheDebit() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(debited(T_1, 1250))
                .expectActiveSagas(1)
                .expectAssociationWith(TransferSaga.ASSOCIATION, T_1)
                .expectDispatchedCommands(new CreditTransfer(BOB, T_1, ALICE, BOUSOL, 1250, DEBITED_AT));
    }

    @Test
    void aDebitWhoseCreditFollowsInTheSameCommitEndsTheSagaAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(debited(T_1, 1250), Map.of(TransferMetaData.CREDIT_FOLLOWS, true))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void thePaymentsCreditedInTheirDebitsCommitAreNoneOfTheSagasBusiness() {
        assertThat(TransferSaga.concerns(debited(T_1, 1250), Map.of(TransferMetaData.CREDIT_FOLLOWS, true))).isFalse();
        assertThat(TransferSaga.concerns(credited(T_1, 1250), Map.of(TransferMetaData.CREDITED_WITH_DEBIT, true))).isFalse();
        // a bare debit (its credit is the saga's to send), the credit the saga asked for, and the rest are
        assertThat(TransferSaga.concerns(debited(T_1, 1250), Map.of())).isTrue();
        assertThat(TransferSaga.concerns(credited(T_1, 1250), Map.of())).isTrue();
        assertThat(TransferSaga.concerns(credited(T_1, 1250), Map.of(TransferMetaData.CREDIT_FOLLOWS, true))).isTrue();
        assertThat(TransferSaga.concerns(new TransferReturned(T_1, ALICE, 1250, "account-frozen",
                Postings.builder().move(IN_TRANSIT, participant(ALICE), 1250).build(), DEBITED_AT),
                Map.of(TransferMetaData.CREDITED_WITH_DEBIT, true))).isTrue();
    }

    @Test
    void theTransferEndsWhenThePayeeIsCredited() {
        fixture.givenAPublished(debited(T_1, 1250))
                .whenPublishingA(credited(T_1, 1250))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRefusedCreditSendsTheAmountBackToThePayer() {
        fixture.givenAPublished(debited(T_1, 1250))
                .whenPublishingA(refused(T_1, 1250))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ReturnTransfer(ALICE, T_1, 1250, "account-frozen", REFUSED_AT));
    }

    @Test
    void theTransferEndsWhenTheAmountIsBackWithThePayer() {
        fixture.givenAPublished(debited(T_1, 1250))
                .andThenAPublished(refused(T_1, 1250))
                .whenPublishingA(returned(T_1, 1250))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void eventsOfAnotherTransferLeaveThisOneAlone() {
        fixture.givenAPublished(debited(T_1, 1250))
                .whenPublishingA(credited(T_2, 700))
                .expectActiveSagas(1)
                .expectAssociationWith(TransferSaga.ASSOCIATION, T_1)
                .expectNoDispatchedCommands();
    }

    @Test
    void eachTransferIsFollowedOnItsOwn() {
        fixture.givenAPublished(debited(T_1, 1250))
                .andThenAPublished(debited(T_2, 700))
                .whenPublishingA(refused(T_2, 700))
                .expectActiveSagas(2)
                .expectDispatchedCommands(new ReturnTransfer(ALICE, T_2, 700, "account-frozen", REFUSED_AT));
    }

    @Test
    void aRefusalWithoutADebitStartsNothing() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(refused(T_1, 1250))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
