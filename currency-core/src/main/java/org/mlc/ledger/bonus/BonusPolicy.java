package org.mlc.ledger.bonus;

import java.util.Iterator;

/**
 * Which budget funds a conversion's bonus, and why a conversion gets less than its ratio's bonus:
 * the oldest active budget with something left for this member funds it, as far as it can.
 */
final class BonusPolicy {

    private BonusPolicy() {
    }

    /** What one budget can give this member now, and what it has left at all. */
    record Offer(int index, long availableMinor, long remainingMinor) {
    }

    /** The funding budget's index in the offers (-1: none), the bonus it funds, and the reason it falls short. */
    record Decision(int funder, long bonusMinor, String reason) {
    }

    /** Offers are asked for one by one, oldest budget first, and no further than the funder. */
    static Decision decide(long wantedMinor, Iterator<Offer> offers) {
        if (wantedMinor <= 0) {
            return new Decision(-1, 0, null);
        }
        String reason = offers.hasNext() ? null : BonusFunding.NO_BUDGET;
        while (offers.hasNext()) {
            Offer offer = offers.next();
            if (offer.availableMinor() > 0) {
                long bonusMinor = Math.min(wantedMinor, offer.availableMinor());
                return new Decision(offer.index(), bonusMinor, bonusMinor == wantedMinor ? null
                        : offer.remainingMinor() < wantedMinor ? BonusFunding.BUDGET_EXHAUSTED
                        : BonusFunding.MONTHLY_CAP_REACHED);
            }
            if (reason == null || reason.equals(BonusFunding.BUDGET_EXHAUSTED)) {
                reason = offer.remainingMinor() > 0 ? BonusFunding.MONTHLY_CAP_REACHED : BonusFunding.BUDGET_EXHAUSTED;
            }
        }
        return new Decision(-1, 0, reason);
    }
}
