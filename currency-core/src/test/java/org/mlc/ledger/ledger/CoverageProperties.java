package org.mlc.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** {@link Coverage} on any balances: each figure is the sum it names, and no ratio flatters. */
class CoverageProperties {

    private static final long MAX = 10_000_000_000L;

    @Property
    void backingIsTheSumItNamesAndTheRatiosNeverExceedWhatIsHeldAndOwed(
            @ForAll @LongRange(min = 0, max = MAX) long participants,
            @ForAll @LongRange(min = 0, max = MAX) long paper,
            @ForAll @LongRange(min = 0, max = MAX) long inTransit,
            @ForAll @LongRange(min = -MAX, max = MAX) long fund,
            @ForAll @LongRange(min = -MAX, max = MAX) long counterCash,
            @ForAll @LongRange(min = 0, max = MAX) long feesEarned,
            @ForAll @LongRange(min = -MAX, max = MAX) long sponsorOwes,
            @ForAll @LongRange(min = -MAX, max = MAX) long discrepancy,
            @ForAll @LongRange(min = 0, max = MAX) long receivable) {
        Map<LedgerAccountKind, Long> balances = new EnumMap<>(LedgerAccountKind.class);
        balances.put(LedgerAccountKind.PARTICIPANT, participants);
        balances.put(LedgerAccountKind.PAPER_IN_CIRCULATION, paper);
        balances.put(LedgerAccountKind.IN_TRANSIT, inTransit);
        balances.put(LedgerAccountKind.GUARANTEE_FUND, fund);
        balances.put(LedgerAccountKind.COUNTER_CASH, counterCash);
        balances.put(LedgerAccountKind.MEMBERSHIP_FEES, -feesEarned);
        balances.put(LedgerAccountKind.SPONSOR_COMMITTED, sponsorOwes);
        balances.put(LedgerAccountKind.COUNTER_DISCREPANCY, discrepancy);

        Coverage coverage = Coverage.of(balances, receivable);

        long circulation = participants + paper + inTransit;
        long held = fund + counterCash - feesEarned;
        assertThat(coverage.inCirculationMinor()).isEqualTo(circulation);
        assertThat(coverage.cashBackingMinor()).isEqualTo(held);
        assertThat(coverage.sponsorReceivableMinor()).isBetween(0L, Math.max(0, sponsorOwes))
                .isLessThanOrEqualTo(receivable);
        assertThat(coverage.backingMinor()).isEqualTo(held + coverage.sponsorReceivableMinor());
        assertThat(coverage.sponsorReceivableMinor() + coverage.sponsorCommittedMinor()).isEqualTo(sponsorOwes);
        assertThat(coverage.counterShortfallMinor()).isEqualTo(Math.max(0, discrepancy));
        assertThat(coverage.underBackedByMinor()).isEqualTo(Math.max(0, circulation - coverage.backingMinor()));
        assertThat(coverage.underBacked()).isEqualTo(!coverage.underBackingCauses().isEmpty());
        if (circulation == 0) {
            assertThat(coverage.coverageRatio()).isNull();
            return;
        }
        // rounded down: the ratio times circulation never exceeds what is held plus the drawn receivable
        BigDecimal units = BigDecimal.valueOf(circulation);
        assertThat(new BigDecimal(coverage.coverageRatio()).multiply(units).abs())
                .isLessThanOrEqualTo(BigDecimal.valueOf(coverage.backingMinor()).abs());
        assertThat(new BigDecimal(coverage.cashCoverageRatio()).multiply(units).abs())
                .isLessThanOrEqualTo(BigDecimal.valueOf(held).abs());
        assertThat(new BigDecimal(coverage.coverageRatio()).compareTo(BigDecimal.ONE) < 0)
                .isEqualTo(coverage.underBacked());
    }
}
