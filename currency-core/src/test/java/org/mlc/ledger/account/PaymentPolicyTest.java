package org.mlc.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.MerchantStatus;
import org.mlc.ledger.participant.ParticipantKind;

/** Each rule of who may pay whom on its own, without aggregates. */
class PaymentPolicyTest {

    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    private static final AccountId PAYER = AccountId.of("acc-payer");
    private static final AccountId PAYEE = AccountId.of("acc-payee");

    private static PaymentCase payment(ParticipantKind payerKind, ParticipantKind payeeKind, AccountStatus payeeStatus,
                                       PaymentCase.Merchant merchant, boolean memberTransfers, boolean refund,
                                       boolean inBatch) {
        return new PaymentCase(PAYER, payerKind, new PaymentCase.Payee(PAYEE, payeeKind, payeeStatus), merchant,
                BOUSOL, () -> memberTransfers, refund, inBatch);
    }

    private static PaymentCase payment(ParticipantKind payerKind, ParticipantKind payeeKind) {
        return payment(payerKind, payeeKind, AccountStatus.ACTIVE, null, true, false, false);
    }

    private static Optional<String> code(Optional<DomainException> refusal) {
        return refusal.map(DomainException::code);
    }

    @Test
    void onlyACollectiviteLineOfABulkUploadPasses() {
        PaymentCase fromMember = payment(ParticipantKind.MEMBER, ParticipantKind.ASSOCIATION, AccountStatus.ACTIVE,
                null, true, false, true);
        assertThat(code(PaymentPolicy.onlyACollectivitePaysInBulk.refusal(fromMember)))
                .contains("bulk-payments-not-allowed");
        assertThat(PaymentPolicy.onlyACollectivitePaysInBulk.refusal(fromMember).orElseThrow())
                .hasMessage("only a collectivité pays in bulk; account acc-payer is a member");
        assertThat(PaymentPolicy.onlyACollectivitePaysInBulk.refusal(payment(ParticipantKind.COLLECTIVITE,
                ParticipantKind.ASSOCIATION, AccountStatus.ACTIVE, null, true, false, true))).isEmpty();
        assertThat(PaymentPolicy.onlyACollectivitePaysInBulk.refusal(payment(ParticipantKind.MEMBER,
                ParticipantKind.MERCHANT))).isEmpty();
    }

    @Test
    void aFrozenOrClosedAccountIsNotPaid() {
        assertThat(code(PaymentPolicy.onlyAnActiveAccountIsPaid.refusal(payment(ParticipantKind.MEMBER,
                ParticipantKind.MEMBER, AccountStatus.CLOSED, null, true, false, false)))).contains("account-frozen");
        assertThat(PaymentPolicy.onlyAnActiveAccountIsPaid.refusal(payment(ParticipantKind.MEMBER,
                ParticipantKind.MEMBER))).isEmpty();
    }

    @Test
    void aSuspendedMerchantIsNotPaid() {
        PaymentCase.Merchant suspended = new PaymentCase.Merchant(ParticipantId.of("p-shop"),
                MerchantStatus.SUSPENDED, false, "ALIMENTATION");
        assertThat(code(PaymentPolicy.onlyAnApprovedMerchantIsPaid.refusal(payment(ParticipantKind.MEMBER,
                ParticipantKind.MERCHANT, AccountStatus.ACTIVE, suspended, true, false, false))))
                .contains("merchant-not-approved");
    }

    @Test
    void membersPayMembersOnlyWhereTheCurrencyAllowsIt() {
        assertThat(code(PaymentPolicy.membersPayMembersWhereAllowed.refusal(payment(ParticipantKind.MEMBER,
                ParticipantKind.MEMBER, AccountStatus.ACTIVE, null, false, false, false))))
                .contains("member-transfers-not-allowed");
        assertThat(PaymentPolicy.membersPayMembersWhereAllowed.refusal(payment(ParticipantKind.MERCHANT,
                ParticipantKind.MEMBER, AccountStatus.ACTIVE, null, false, true, false))).isEmpty();
    }

    @Test
    void aMerchantPaysAMemberOnlyToRefund() {
        assertThat(code(PaymentPolicy.aMerchantPaysAMemberOnlyToRefund.refusal(payment(ParticipantKind.MERCHANT,
                ParticipantKind.MEMBER)))).contains("refund-required");
        assertThat(PaymentPolicy.aMerchantPaysAMemberOnlyToRefund.refusal(payment(ParticipantKind.MERCHANT,
                ParticipantKind.MEMBER, AccountStatus.ACTIVE, null, true, true, false))).isEmpty();
    }

    @Test
    void aRefundIsCheckedOnlyForTheBulkPayerAndAnActivePayee() {
        assertThat(PaymentPolicy.forPayment(payment(ParticipantKind.MERCHANT, ParticipantKind.MEMBER,
                AccountStatus.ACTIVE, null, false, true, false)))
                .containsExactly(PaymentPolicy.onlyACollectivitePaysInBulk, PaymentPolicy.onlyAnActiveAccountIsPaid);
    }
}
