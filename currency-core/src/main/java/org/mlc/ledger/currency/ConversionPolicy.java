package org.mlc.ledger.currency;

import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Ratio;

/**
 * How many units a sum of euros buys: {@code euros} EUR give {@code units} units (20 : 21 for the
 * Bou'Sol). Units above parity are the bonus. Rounds down to the cent, in favour of the fund.
 */
public record ConversionPolicy(long eurosMinor, long unitsMinor) {

    public ConversionPolicy {
        if (eurosMinor <= 0 || unitsMinor <= 0) {
            throw new IllegalArgumentException("a conversion ratio needs two positive amounts");
        }
    }

    public Ratio unitsPerEuro() {
        return new Ratio(unitsMinor, eurosMinor);
    }

    /**
     * Units bought by {@code eurosMinor}, bonus included, rounded down. A currency defined before
     * ratios were bounded may overflow a long: that is a refusal of the sum, never a failure.
     */
    public long unitsFor(long eurosMinor) {
        try {
            return unitsPerEuro().applyRoundingDown(eurosMinor);
        } catch (ArithmeticException e) {
            throw DomainException.invalid("conversion.euros-too-many",
                    "euros: {0} cents are too many for a ratio of {1} units per euro", eurosMinor,
                    unitsPerEuro().toString()).naming("euros");
        }
    }

    /** The bonus part of {@link #unitsFor}: units beyond parity (never negative). */
    public long bonusFor(long eurosMinor) {
        return Math.max(0, unitsFor(eurosMinor) - eurosMinor);
    }
}
