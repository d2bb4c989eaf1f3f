package org.mlc.ledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Money TWENTY_EUROS = Money.of(2000, "EUR");
    private static final Money FIVE_EUROS = Money.of(500, "EUR");
    private static final Money TWENTY_UNITS = Money.of(2000, "BOUSOL");

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        assertThat(TWENTY_EUROS.plus(FIVE_EUROS)).isEqualTo(Money.of(2500, "EUR"));
        assertThat(TWENTY_EUROS.minus(FIVE_EUROS)).isEqualTo(Money.of(1500, "EUR"));
        assertThat(FIVE_EUROS.minus(TWENTY_EUROS)).isEqualTo(Money.of(-1500, "EUR"));
        assertThat(TWENTY_EUROS.negate()).isEqualTo(Money.of(-2000, "EUR"));
    }

    @Test
    void cannotMixCurrencies() {
        assertThatThrownBy(() -> TWENTY_EUROS.plus(TWENTY_UNITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch: EUR vs BOUSOL");
        assertThatThrownBy(() -> TWENTY_EUROS.minus(TWENTY_UNITS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TWENTY_EUROS.compareTo(TWENTY_UNITS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TWENTY_EUROS.isGreaterThan(TWENTY_UNITS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsLoudlyRatherThanWrapAround() {
        Money max = Money.of(Long.MAX_VALUE, "EUR");
        Money min = Money.of(Long.MIN_VALUE, "EUR");
        Money oneCent = Money.of(1, "EUR");

        assertThatThrownBy(() -> max.plus(oneCent)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(oneCent)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(min::negate).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesAmountsOfOneCurrency() {
        assertThat(TWENTY_EUROS.isGreaterThan(FIVE_EUROS)).isTrue();
        assertThat(FIVE_EUROS.isGreaterThan(TWENTY_EUROS)).isFalse();
        assertThat(TWENTY_EUROS.isGreaterThan(Money.of(2000, "EUR"))).isFalse();
        assertThat(TWENTY_EUROS.compareTo(Money.of(2000, "EUR"))).isZero();
        assertThat(FIVE_EUROS).isLessThan(TWENTY_EUROS);
    }

    @Test
    void knowsItsSign() {
        assertThat(Money.zero("EUR").isZero()).isTrue();
        assertThat(Money.zero("EUR").isPositive()).isFalse();
        assertThat(Money.zero("EUR").isNegative()).isFalse();
        assertThat(Money.of(1, "EUR").isPositive()).isTrue();
        assertThat(Money.of(-1, "EUR").isNegative()).isTrue();
    }

    @Test
    void theSameAmountInAnotherCurrencyKeepsTheCents() {
        assertThat(TWENTY_EUROS.as("BOUSOL")).isEqualTo(TWENTY_UNITS);
    }

    @Test
    void printsAsAPlainDecimalWithItsCurrency() {
        assertThat(Money.of(-1250, "BOUSOL").toDecimalString()).isEqualTo("-12.50");
        assertThat(Money.of(5, "EUR").toDecimalString()).isEqualTo("0.05");
        assertThat(Money.of(1250, "BOUSOL")).hasToString("12.50 BOUSOL");
    }

    @Test
    void needsACurrency() {
        assertThatThrownBy(() -> Money.of(100, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.of(100, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
