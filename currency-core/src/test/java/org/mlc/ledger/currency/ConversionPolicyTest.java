package org.mlc.ledger.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConversionPolicyTest {

    private static final ConversionPolicy BOUSOL = new ConversionPolicy(2000, 2100);
    private static final ConversionPolicy LAROUE = new ConversionPolicy(1000, 1200);

    @Test
    void twentyEurosBuyTwentyOneBouSolOfWhichOneIsBonus() {
        assertThat(BOUSOL.unitsFor(2000)).isEqualTo(2100);
        assertThat(BOUSOL.bonusFor(2000)).isEqualTo(100);
    }

    @Test
    void tenEurosBuyTwelveRouesOfWhichTwoAreBonus() {
        assertThat(LAROUE.unitsFor(1000)).isEqualTo(1200);
        assertThat(LAROUE.bonusFor(1000)).isEqualTo(200);
    }

    @Test
    void oddSumsRoundTheIssuedUnitsDownInFavourOfTheFund() {
        // 19.99 EUR * 21/20 = 20.9895: 20.98 units, of which 0.99 bonus
        assertThat(BOUSOL.unitsFor(1999)).isEqualTo(2098);
        assertThat(BOUSOL.bonusFor(1999)).isEqualTo(99);
        // 0.01 EUR * 21/20 = 0.0105: one cent, no bonus
        assertThat(BOUSOL.unitsFor(1)).isEqualTo(1);
        assertThat(BOUSOL.bonusFor(1)).isZero();
        // 0.04 EUR * 1.2 = 0.048: 0.04 units, no bonus
        assertThat(LAROUE.unitsFor(4)).isEqualTo(4);
        assertThat(LAROUE.bonusFor(4)).isZero();
    }

    @Test
    void thereIsNoNegativeBonusBelowParity() {
        ConversionPolicy belowParity = new ConversionPolicy(2100, 2000);

        assertThat(belowParity.unitsFor(2100)).isEqualTo(2000);
        assertThat(belowParity.bonusFor(2100)).isZero();
    }

    @Test
    void needsTwoPositiveAmounts() {
        assertThatThrownBy(() -> new ConversionPolicy(0, 2100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConversionPolicy(2000, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSumThatWouldOverflowAtAnUnboundedRatioIsRefusedNamingTheEuros() {
        // a ratio stored before ratios were bounded: 1 euro for 100,000,000 units
        ConversionPolicy extreme = new ConversionPolicy(100, 10_000_000_000L);

        assertThatThrownBy(() -> extreme.unitsFor(1_000_000_000L))
                .isInstanceOfSatisfying(org.mlc.ledger.common.DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(org.mlc.ledger.common.DomainException.Kind.INVALID);
                    assertThat(e.field()).isEqualTo("euros");
                });
    }
}
