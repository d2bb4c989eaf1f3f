package org.mlc.ledger.money;

import java.util.Objects;

/**
 * An amount in minor units (cents) of one currency. EUR and every MLC have two decimals.
 * Arithmetic is overflow-checked: a ledger must fail loudly rather than wrap around.
 */
public record Money(long amountMinor, String currency) implements Comparable<Money> {

    public static final int DECIMALS = 2;
    public static final long MINOR_PER_MAJOR = 100;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.isBlank()) {
            throw new IllegalArgumentException("currency must not be blank");
        }
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(amountMinor), currency);
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** Same amount in another currency (e.g. the units matching euros at parity). */
    public Money as(String otherCurrency) {
        return new Money(amountMinor, otherCurrency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    /** Plain decimal with a dot and two decimals, e.g. {@code "-12.50"}: the API and CSV form. */
    public String toDecimalString() {
        return Amounts.format(amountMinor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
