package org.mlc.ledger.counter;

import java.util.Optional;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Money;

/**
 * What a conversion's cancellation needs beyond the counter's own checks: what it gave must still be
 * there to be taken back. Units spent or a donation share spent are not taken back by going below
 * zero: the cancellation is refused and the mistake is corrected otherwise.
 */
final class CancellationPolicy {

    private CancellationPolicy() {
    }

    /** The member still holds the units issued, free of holds. */
    static Optional<DomainException> theUnitsAreStillThere(AccountId account, long availableMinor, long unitsMinor,
                                                          CurrencyCode currency) {
        return unitsMinor > availableMinor ? Optional.of(DomainException.refused("insufficient-funds",
                "cancellation.units-spent",
                "account {0} holds {1} available, less than the {2} the conversion issued: they were spent", account,
                Money.of(availableMinor, currency.value()), Money.of(unitsMinor, currency.value())))
                : Optional.empty();
    }

    /** The association still holds the donation share it received with the conversion. */
    static Optional<DomainException> theDonationIsStillThere(AccountId association, long availableMinor,
                                                            long donationMinor, CurrencyCode currency) {
        return donationMinor > availableMinor ? Optional.of(DomainException.refused("donation-spent",
                "cancellation.donation-spent", "association account {0} holds {1} available, less than the donation "
                        + "share of {2} it received with the conversion", association,
                Money.of(availableMinor, currency.value()), Money.of(donationMinor, currency.value())))
                : Optional.empty();
    }
}
