package org.mlc.ledger.account;

import java.util.HashMap;
import java.util.Map;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.payment.MakePayment;

/**
 * Payments an account received that may still be refunded: what came from whom and how much is
 * left. Kept on the payee's account so that two refunds of one payment are decided one after the
 * other and never exceed it. Every transfer credited here is in it, so none is credited twice.
 */
final class ReceivedPayments {

    private record Refundable(AccountId payer, long leftMinor) {
    }

    private final Map<TransferId, Refundable> received = new HashMap<>();

    boolean contains(TransferId transferId) {
        return received.containsKey(transferId);
    }

    /** Refuses a refund of a payment this account never received, to another payer, or above what is left. */
    void requireRefundable(AccountId account, MakePayment refund) {
        Refundable original = received.get(refund.refundOf());
        if (original == null) {
            throw DomainException.notFound("refund.unknown-payment", "account {0} received no payment {1} to refund",
                    account, refund.refundOf());
        }
        if (!original.payer().equals(refund.to())) {
            throw DomainException.refused("refund-not-to-payer", "refund.not-to-payer",
                    "payment {0} came from {1}: a refund goes back to it", refund.refundOf(), original.payer());
        }
        if (refund.amountMinor() > original.leftMinor()) {
            throw DomainException.refused("refund-exceeds-payment", "refund.exceeds-payment",
                    "only {0} of payment {1} is left to refund, less than {2}",
                    Money.of(original.leftMinor(), refund.currency().value()), refund.refundOf(),
                    Money.of(refund.amountMinor(), refund.currency().value()));
        }
    }

    void credited(TransferId transferId, AccountId from, long amountMinor) {
        received.put(transferId, new Refundable(from, amountMinor));
    }

    void refunded(TransferId refundOf, long amountMinor) {
        received.computeIfPresent(refundOf, (k, r) -> new Refundable(r.payer(), r.leftMinor() - amountMinor));
    }
}
