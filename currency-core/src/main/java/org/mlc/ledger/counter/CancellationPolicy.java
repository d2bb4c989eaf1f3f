package org.mlc.ledger.counter;

import java.util.Optional;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Amounts;

/**
 * What a conversion's cancellation needs beyond the counter's own checks: what it gave must still be
 * there to be taken back. Units spent or a donation share spent are not taken back by going below
 * zero: the cancellation is refused and the mistake is corrected otherwise.
 */
final class CancellationPolicy {

    private CancellationPolicy() {
    }

    /** The member still holds the units issued, free of holds. */
    static Optional<DomainException> theUnitsAreStillThere(AccountId account, long availableMinor, long unitsMinor) {
        return unitsMinor > availableMinor ? Optional.of(DomainException.refused("insufficient-funds", "account "
                + account + " holds " + Amounts.format(availableMinor) + " available, less than the "
                + Amounts.format(unitsMinor) + " the conversion issued: they were spent")) : Optional.empty();
    }

    /** The association still holds the donation share it received with the conversion. */
    static Optional<DomainException> theDonationIsStillThere(AccountId association, long availableMinor,
                                                            long donationMinor) {
        return donationMinor > availableMinor ? Optional.of(DomainException.refused("donation-spent", "association "
                + "account " + association + " holds " + Amounts.format(availableMinor) + " available, less than the "
                + "donation share of " + Amounts.format(donationMinor) + " it received with the conversion"))
                : Optional.empty();
    }
}
