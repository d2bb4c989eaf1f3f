package org.mlc.ledger.counter;

import java.util.Optional;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * The donation share of a conversion: who may receive it (refusals, checked before anything is
 * recorded), and how much the issuer gives (its share of the euros, or nothing when the issuer
 * cannot give it; the conversion goes on and says why).
 */
final class DonationPolicy {

    static final String ISSUER_BALANCE_INSUFFICIENT = "issuer-balance-insufficient";

    private DonationPolicy() {
    }

    /** The account a member names, as the rules see it. */
    record Target(AccountId id, ParticipantKind ownerKind, CurrencyCode currency, AccountStatus status) {
    }

    /** The share goes to an association, never to another kind of participant. */
    static Optional<DomainException> onlyAnAssociationReceives(Target target, CurrencyCode currency) {
        return target.ownerKind() == ParticipantKind.ASSOCIATION ? Optional.empty()
                : Optional.of(DomainException.invalid("donation.not-an-association", "must be an association of {0}",
                        currency).naming("donateTo"));
    }

    /** The association is paid in the conversion's currency, on an active account, and is not the issuer. */
    static Optional<DomainException> theAssociationCanReceive(Target target, CurrencyCode currency,
                                                             AccountId issuerAccount) {
        if (!currency.equals(target.currency()) || target.status() != AccountStatus.ACTIVE) {
            return Optional.of(DomainException.refused("donation-refused", "donation.cannot-receive",
                    "account {0} cannot receive a donation in {1}", target.id(), currency));
        }
        if (target.id().equals(issuerAccount)) {
            return Optional.of(DomainException.refused("donation-refused", "donation.issuer-to-itself",
                    "the issuer cannot donate to itself"));
        }
        return Optional.empty();
    }

    /** The issuer's share of the euros converted, rounded down. */
    static long shareMinor(long eurosMinor, long basisPoints, long basisPointsPerUnit) {
        return Math.multiplyExact(eurosMinor, basisPoints) / basisPointsPerUnit;
    }

    /** The issuer gives its share only from its free balance while active; otherwise nothing, and says why. */
    static Optional<String> issuerCannotGive(long shareMinor, long issuerAvailableMinor, AccountStatus issuerStatus) {
        return shareMinor > 0 && (issuerAvailableMinor < shareMinor || issuerStatus != AccountStatus.ACTIVE)
                ? Optional.of(ISSUER_BALANCE_INSUFFICIENT) : Optional.empty();
    }
}
