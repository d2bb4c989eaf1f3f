package org.mlc.ledger.bonus;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Who gets a bonus, which budget funds it, and why a conversion gets less than its ratio's bonus:
 * only the kinds of participant the currency made eligible (members, unless it said otherwise);
 * the oldest active budget with something left for this member funds it, as far as it can.
 */
final class BonusPolicy {

    private BonusPolicy() {
    }

    /**
     * The bonus is for natural persons: a merchant or a collectivité converting at a bonus could
     * reconvert at a 5 % fee and keep the difference, taken from the sponsor's budget each round trip.
     */
    static final Set<ParticipantKind> ELIGIBLE_BY_DEFAULT = EnumSet.of(ParticipantKind.MEMBER);

    /** Whether a participant of this kind may get the bonus, by the kinds its currency named (if it did). */
    static boolean eligible(Optional<List<String>> currencyKinds, ParticipantKind kind) {
        return currencyKinds.map(kinds -> kinds.contains(kind.name()))
                .orElse(ELIGIBLE_BY_DEFAULT.contains(kind));
    }

    /** What one budget can give this member now, and what it has left at all. */
    record Offer(int index, long availableMinor, long remainingMinor) {
    }

    /** The funding budget's index in the offers (-1: none), the bonus it funds, and the reason it falls short. */
    record Decision(int funder, long bonusMinor, String reason) {
    }

    /**
     * Offers are asked for one by one, oldest budget first, and no further than the funder; none
     * for a participant that is not eligible.
     */
    static Decision decide(long wantedMinor, boolean eligible, Iterator<Offer> offers) {
        if (wantedMinor <= 0) {
            return new Decision(-1, 0, null);
        }
        if (!eligible) {
            return new Decision(-1, 0, BonusFunding.NOT_ELIGIBLE);
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
