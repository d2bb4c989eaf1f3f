package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The charts' axes are readable: four to six round ticks covering the values, units named, gaps left as gaps. */
class SvgTest {

    private static final Set<Long> ROUND = Set.of(1L, 2L, 25L, 5L);

    /** 1, 2, 2.5 or 5 times a power of ten (2.5 written as 25 × 10^(k-1)). */
    private static boolean round(long step) {
        long mantissa = step;
        while (mantissa % 10 == 0 && !ROUND.contains(mantissa)) {
            mantissa /= 10;
        }
        return ROUND.contains(mantissa);
    }

    @Test
    void everyAxisHasFourToSixRoundTicksFromZeroToAtLeastItsLargestValue() {
        for (long max : new long[] {0, 1, 3, 7, 99, 100, 101, 250, 999, 1_001, 4_321, 10_000, 12_345,
                2_000_000, 123_456_789, 987_654_321_000L}) {
            long[] ticks = Svg.ticks(max, 1);
            long step = ticks[1] - ticks[0];
            assertThat(ticks.length).as(max + " → " + Arrays.toString(ticks)).isBetween(4, 6);
            assertThat(ticks[0]).isZero();
            assertThat(ticks[ticks.length - 1]).as(Arrays.toString(ticks)).isGreaterThanOrEqualTo(max);
            assertThat(round(step)).as(max + " → step " + step).isTrue();
            for (int i = 1; i < ticks.length; i++) {
                assertThat(ticks[i] - ticks[i - 1]).isEqualTo(step);
            }
        }
    }

    @Test
    void aStepIsNeverFinerThanTheAxisAllows() {
        // amounts in minor units with whole units as the finest step: 1.50 shows as 0, 1, 2, 3
        assertThat(Svg.ticks(150, 100)).containsExactly(0, 100, 200, 300);
        assertThat(Svg.ticks(0, 100)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aLineChartDrawsItsReferenceMarkTheUnitAndLeavesMonthsWithoutARatioAsGaps() {
        Svg.Axis percent = new Svg.Axis("%", v -> (v / 100) + " %", 100, 10_000);
        String svg = Svg.lines("Couverture", List.of("janv.\n2026", "févr.", "mars", "avr."),
                List.of(new Svg.Line("Taux", Arrays.asList(9_800L, 10_000L, null, 10_500L))), percent,
                new Svg.Mark(10_000, "couverture complète (1,0)"));

        assertThat(svg).contains("class=\"mark\"").contains("couverture complète (1,0)")
                .contains(">%</text>").contains(">janv.</text>").contains(">2026</text>");
        // the two months before the gap are joined; the month after it stands alone
        assertThat(Pattern.compile("<polyline").matcher(svg).results().count()).isEqualTo(1);
        assertThat(Pattern.compile("<circle").matcher(svg).results().count()).isEqualTo(3);
        assertThat(svg).contains(">125 %</text>").doesNotContain("<rect");
    }

    @Test
    void barsNameTheirUnitOnTheAxisAndInEachBarsTitle() {
        Svg.Axis units = new Svg.Axis("Bou'Sol", v -> String.valueOf(v / 100), 1, 400);
        String svg = Svg.bars("Circulation", List.of("janv.\n2026", "févr."),
                List.of(new Svg.Series("Électronique", new long[] {120_000, 80_000})), true, units);

        assertThat(svg).contains(">Bou'Sol</text>").contains("janv. 2026 · Électronique : 1200 Bou'Sol")
                .contains(">1250</text>");
    }
}
