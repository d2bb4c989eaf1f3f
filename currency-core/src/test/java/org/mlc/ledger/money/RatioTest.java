package org.mlc.ledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatioTest {

    /** Bou'Sol: 20 EUR buy 21 units. */
    private static final Ratio BOUSOL_UNITS_PER_EURO = new Ratio(21, 20);
    /** La Roue: 10 EUR buy 12 units. */
    private static final Ratio LAROUE_UNITS_PER_EURO = new Ratio(12, 10);

    @Test
    void twentyEurosBuyTwentyOneBouSol() {
        assertThat(BOUSOL_UNITS_PER_EURO.applyRoundingDown(2000)).isEqualTo(2100);
        assertThat(BOUSOL_UNITS_PER_EURO.applyRoundingUp(2000)).isEqualTo(2100);
    }

    @Test
    void tenEurosBuyTwelveRoues() {
        assertThat(LAROUE_UNITS_PER_EURO.applyRoundingDown(1000)).isEqualTo(1200);
        assertThat(LAROUE_UNITS_PER_EURO.applyRoundingUp(1000)).isEqualTo(1200);
    }

    @ParameterizedTest(name = "{0} cents at 21/20 give {1} rounded down, {2} rounded up")
    @CsvSource({
            "1, 1, 2",        // 1.05
            "19, 19, 20",     // 19.95
            "1999, 2098, 2099", // 2098.95
            "1250, 1312, 1313", // 1312.5
            "20, 21, 21",     // exact
            "0, 0, 0",
    })
    void roundsOddAmountsInTheStatedDirection(long amount, long down, long up) {
        assertThat(BOUSOL_UNITS_PER_EURO.applyRoundingDown(amount)).isEqualTo(down);
        assertThat(BOUSOL_UNITS_PER_EURO.applyRoundingUp(amount)).isEqualTo(up);
    }

    @Test
    void roundingDownNeverGivesMoreThanTheExactValue() {
        for (long amount = 0; amount < 1_000; amount++) {
            long down = BOUSOL_UNITS_PER_EURO.applyRoundingDown(amount);
            long up = BOUSOL_UNITS_PER_EURO.applyRoundingUp(amount);
            assertThat(down * 20).isLessThanOrEqualTo(amount * 21);
            assertThat(up * 20).isGreaterThanOrEqualTo(amount * 21);
            assertThat(up - down).isBetween(0L, 1L);
        }
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> BOUSOL_UNITS_PER_EURO.applyRoundingDown(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BOUSOL_UNITS_PER_EURO.applyRoundingUp(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsLoudlyOnOverflow() {
        assertThatThrownBy(() -> BOUSOL_UNITS_PER_EURO.applyRoundingDown(Long.MAX_VALUE / 2))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> BOUSOL_UNITS_PER_EURO.applyRoundingUp(Long.MAX_VALUE / 2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void needsTwoPositiveTerms() {
        assertThatThrownBy(() -> new Ratio(0, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ratio(21, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ratio(-21, -20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhetherItIsAtLeastParity() {
        assertThat(BOUSOL_UNITS_PER_EURO.isAtLeastOne()).isTrue();
        assertThat(new Ratio(20, 20).isAtLeastOne()).isTrue();
        assertThat(new Ratio(19, 20).isAtLeastOne()).isFalse();
        assertThat(BOUSOL_UNITS_PER_EURO).hasToString("21/20");
    }
}
