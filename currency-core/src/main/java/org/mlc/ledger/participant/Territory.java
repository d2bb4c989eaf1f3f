package org.mlc.ledger.participant;

import java.util.Optional;
import java.util.regex.Pattern;
import org.mlc.ledger.common.DomainException;

/**
 * Where a participant is: its commune (INSEE code) and, optionally, its EPCI (the SIREN of the
 * intercommunality), which territory reports group by and a collectivité is answered for.
 */
public final class Territory {

    /** Five digits, or 2A/2B and three digits for Corsica's two départements. */
    public static final Pattern COMMUNE = Pattern.compile("(?:[0-9]{2}|2[AB])[0-9]{3}");
    /** An EPCI is named by its SIREN: nine digits. */
    public static final Pattern EPCI = Pattern.compile("[0-9]{9}");

    private Territory() {
    }

    /** Refuses a commune that is not an INSEE code, and an EPCI that is not a SIREN (null is no EPCI). */
    static Optional<DomainException> refusal(String commune, String epci) {
        if (commune == null || !COMMUNE.matcher(commune).matches()) {
            return Optional.of(DomainException.invalid("participant.commune-malformed",
                    "commune must be an INSEE code: five digits, or 2A/2B and three digits").naming("commune"));
        }
        if (epci != null && !EPCI.matcher(epci).matches()) {
            return Optional.of(DomainException.invalid("participant.epci-malformed",
                    "epci must be a SIREN: nine digits").naming("epci"));
        }
        return Optional.empty();
    }
}
