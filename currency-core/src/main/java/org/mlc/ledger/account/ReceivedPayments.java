package org.mlc.ledger.account;

import java.util.HashMap;
import java.util.Map;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.money.Amounts;
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
            throw DomainException.notFound("account " + account + " received no payment " + refund.refundOf()
                    + " to refund");
        }
        if (!original.payer().equals(refund.to())) {
            throw DomainException.refused("refund-not-to-payer",
                    "payment " + refund.refundOf() + " came from " + original.payer() + ": a refund goes back to it");
        }
        if (refund.amountMinor() > original.leftMinor()) {
            throw DomainException.refused("refund-exceeds-payment", "only " + Amounts.format(original.leftMinor())
                    + " of payment " + refund.refundOf() + " is left to refund, less than "
                    + Amounts.format(refund.amountMinor()));
        }
    }

    void credited(TransferId transferId, AccountId from, long amountMinor) {
        received.put(transferId, new Refundable(from, amountMinor));
    }

    void refunded(TransferId refundOf, long amountMinor) {
        received.computeIfPresent(refundOf, (k, r) -> new Refundable(r.payer(), r.leftMinor() - amountMinor));
    }
}
