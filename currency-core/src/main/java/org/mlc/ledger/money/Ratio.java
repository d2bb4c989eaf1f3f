package org.mlc.ledger.money;

/**
 * An exact ratio of two positive integers, e.g. the conversion rate 20 EUR : 21 units.
 * Applying it rounds down, which is the direction that favours the guarantee fund.
 */
public record Ratio(long numerator, long denominator) {

    public Ratio {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("a ratio needs two positive terms, got " + numerator + "/" + denominator);
        }
    }

    /** {@code amount * numerator / denominator}, rounded down, overflow-checked. */
    public long applyRoundingDown(long amountMinor) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("ratios apply to non-negative amounts");
        }
        return Math.multiplyExact(amountMinor, numerator) / denominator;
    }

    /** {@code amount * numerator / denominator}, rounded up, overflow-checked. */
    public long applyRoundingUp(long amountMinor) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("ratios apply to non-negative amounts");
        }
        long product = Math.multiplyExact(amountMinor, numerator);
        return product / denominator + (product % denominator == 0 ? 0 : 1);
    }

    public boolean isAtLeastOne() {
        return numerator >= denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
