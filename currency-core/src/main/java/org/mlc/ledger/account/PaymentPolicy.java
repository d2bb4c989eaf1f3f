package org.mlc.ledger.account;

import static org.mlc.ledger.common.DomainException.refused;

import java.util.List;
import java.util.Optional;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Who may pay whom, one named rule each, answering a refusal or nothing; checked before the payer
 * is debited, so a refused payment is answered at once and nothing moves. A two-phase payment
 * follows the same rules at both phases. Earmarked aid, which pays only merchants of its lots'
 * filières, and the payer's own balance are the account's to decide when it is debited.
 */
@FunctionalInterface
interface PaymentPolicy {

    Optional<DomainException> refusal(PaymentCase payment);

    /** A bulk upload is a collectivité's (subsidies, indemnités), never a member's or a merchant's. */
    PaymentPolicy onlyACollectivitePaysInBulk = p -> !p.inBatch() || p.payerKind() == ParticipantKind.COLLECTIVITE
            ? Optional.empty()
            : Optional.of(refused("bulk-payments-not-allowed", "payment.bulk-not-allowed",
                    "only a collectivité pays in bulk; account {0} is a {1}", p.payer(), p.payerKind()));

    /** A frozen or closed account is not paid. */
    PaymentPolicy onlyAnActiveAccountIsPaid = p -> p.payee().status() == AccountStatus.ACTIVE
            ? Optional.empty()
            : Optional.of(refused("account-frozen", "payment.payee-inactive", "account {0} is {1} and cannot be paid",
                    p.payee().id(), p.payee().status()));

    /** A merchant is paid only when approved and not suspended; collectivités and associations need no agrément. */
    PaymentPolicy onlyAnApprovedMerchantIsPaid = p -> p.merchant() == null || p.merchant().payable()
            ? Optional.empty()
            : Optional.of(refused("merchant-not-approved", "payment.merchant-not-approved",
                    "merchant {0} is {1}, not approved: it cannot be paid", p.merchant().id(), p.merchant().status()));

    /** Members pay members only if the currency allows it. */
    PaymentPolicy membersPayMembersWhereAllowed = p -> p.payerKind() != ParticipantKind.MEMBER
            || p.payee().kind() != ParticipantKind.MEMBER || p.memberTransfersAllowed().getAsBoolean()
            ? Optional.empty()
            : Optional.of(refused("member-transfers-not-allowed", "payment.member-transfers-not-allowed",
                    "members do not pay members in {0}", p.currency()));

    /** A merchant pays a member only to refund a payment it received from that member. */
    PaymentPolicy aMerchantPaysAMemberOnlyToRefund = p -> p.payerKind() != ParticipantKind.MERCHANT
            || p.payee().kind() != ParticipantKind.MEMBER || p.refund()
            ? Optional.empty()
            : Optional.of(refused("refund-required", "payment.refund-required",
                    "a merchant pays a member only to refund a payment: name it in refundOf"));

    /** The rules of a payment, in the order their refusals are answered. */
    static List<PaymentPolicy> forPayment(PaymentCase payment) {
        return payment.refund() ? List.of(onlyACollectivitePaysInBulk, onlyAnActiveAccountIsPaid)
                : List.of(onlyACollectivitePaysInBulk, onlyAnActiveAccountIsPaid, onlyAnApprovedMerchantIsPaid,
                        membersPayMembersWhereAllowed, aMerchantPaysAMemberOnlyToRefund);
    }

    /** Throws the first refusal of the payment's rules. */
    static void require(PaymentCase payment) {
        for (PaymentPolicy policy : forPayment(payment)) {
            DomainException.throwIfAny(policy.refusal(payment));
        }
    }
}
