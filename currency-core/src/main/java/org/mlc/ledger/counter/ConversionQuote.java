package org.mlc.ledger.counter;

/**
 * What a conversion would give now: its units, bonus included, and why the bonus is below the
 * ratio's ({@code bonusReason}, null when it is not), as in {@link Conversion}.
 */
public record ConversionQuote(long eurosMinor, long unitsMinor, long bonusMinor, String bonusReason) {
}
