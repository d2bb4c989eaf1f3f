package org.mlc.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {

    /** La Roue, 10 € = 12: a member converted 1,000 € (1,200.00 units, 200.00 bonus drawn); Grand Avignon pledged 26,000 €. */
    private static Map<LedgerAccountKind, Long> memberConverted() {
        Map<LedgerAccountKind, Long> balances = new EnumMap<>(LedgerAccountKind.class);
        balances.put(LedgerAccountKind.PARTICIPANT, 120_000L);
        balances.put(LedgerAccountKind.ISSUANCE, -120_000L);
        balances.put(LedgerAccountKind.COUNTER_CASH, 100_000L);
        balances.put(LedgerAccountKind.SPONSOR_COMMITTED, 2_600_000L);
        balances.put(LedgerAccountKind.OUTSIDE, -2_700_000L);
        return balances;
    }

    @Test
    void anUndrawnPledgeIsShownButBacksNothing() {
        Coverage coverage = Coverage.of(memberConverted(), 20_000);

        assertThat(coverage.inCirculationMinor()).isEqualTo(120_000);
        assertThat(coverage.sponsorReceivableMinor()).isEqualTo(20_000);
        assertThat(coverage.sponsorCommittedMinor()).isEqualTo(2_580_000);
        assertThat(coverage.backingMinor()).isEqualTo(120_000);
        assertThat(coverage.cashBackingMinor()).isEqualTo(100_000);
        assertThat(coverage.coverageRatio()).isEqualTo("1.0000");
        assertThat(coverage.cashCoverageRatio()).isEqualTo("0.8333");
        assertThat(coverage.underBackedByMinor()).isZero();
        assertThat(coverage.underBackingCauses()).isEmpty();
    }

    @Test
    void aDrawerShortfallIsNotBackingAndIsNamedAsTheCause() {
        Map<LedgerAccountKind, Long> balances = memberConverted();
        // a closing counted 5.00 € less than expected: the cash left the drawer for the discrepancy account
        balances.put(LedgerAccountKind.COUNTER_CASH, 99_500L);
        balances.put(LedgerAccountKind.COUNTER_DISCREPANCY, 500L);

        Coverage coverage = Coverage.of(balances, 20_000);

        assertThat(coverage.counterShortfallMinor()).isEqualTo(500);
        assertThat(coverage.backingMinor()).isEqualTo(119_500);
        assertThat(coverage.underBackedByMinor()).isEqualTo(500);
        assertThat(coverage.coverageRatio()).isEqualTo("0.9958");
        assertThat(coverage.underBackingCauses()).containsExactly(Coverage.COUNTER_SHORTFALL);
    }

    @Test
    void aGapBeyondTheRecordedShortfallIsAlsoNamed() {
        Map<LedgerAccountKind, Long> balances = memberConverted();
        balances.put(LedgerAccountKind.COUNTER_CASH, 90_000L);
        balances.put(LedgerAccountKind.COUNTER_DISCREPANCY, 500L);

        Coverage coverage = Coverage.of(balances, 20_000);

        assertThat(coverage.underBackedByMinor()).isEqualTo(10_000);
        assertThat(coverage.underBackingCauses())
                .containsExactly(Coverage.COUNTER_SHORTFALL, Coverage.FUND_BELOW_CIRCULATION);
    }

    @Test
    void withoutAShortfallTheCauseIsTheFundBelowCirculation() {
        Coverage coverage = Coverage.of(memberConverted(), 0);

        assertThat(coverage.underBackedByMinor()).isEqualTo(20_000);
        assertThat(coverage.coverageRatio()).isEqualTo("0.8333");
        assertThat(coverage.underBackingCauses()).containsExactly(Coverage.FUND_BELOW_CIRCULATION);
    }

    @Test
    void aSurplusStaysInTheDrawerAsEurosHeld() {
        Map<LedgerAccountKind, Long> balances = memberConverted();
        balances.put(LedgerAccountKind.COUNTER_CASH, 100_300L);
        balances.put(LedgerAccountKind.COUNTER_DISCREPANCY, -300L);

        Coverage coverage = Coverage.of(balances, 20_000);

        assertThat(coverage.counterShortfallMinor()).isZero();
        assertThat(coverage.backingMinor()).isEqualTo(120_300);
    }

    @Test
    void membershipFeesPaidInEurosAreTheAssociationsMoneyNotBacking() {
        Map<LedgerAccountKind, Long> balances = memberConverted();
        balances.put(LedgerAccountKind.COUNTER_CASH, 102_000L);
        balances.put(LedgerAccountKind.MEMBERSHIP_FEES, -2_000L);

        Coverage coverage = Coverage.of(balances, 20_000);

        assertThat(coverage.membershipFeesMinor()).isEqualTo(2_000);
        assertThat(coverage.backingMinor()).isEqualTo(120_000);
        assertThat(coverage.cashCoverageRatio()).isEqualTo("0.8333");
    }

    @Test
    void aReceivableIsNeverCountedBeyondWhatTheSponsorsStillOwe() {
        Map<LedgerAccountKind, Long> balances = memberConverted();
        balances.put(LedgerAccountKind.SPONSOR_COMMITTED, 5_000L);

        Coverage coverage = Coverage.of(balances, 20_000);

        assertThat(coverage.sponsorReceivableMinor()).isEqualTo(5_000);
        assertThat(coverage.sponsorCommittedMinor()).isZero();
        assertThat(coverage.backingMinor()).isEqualTo(105_000);
    }

    @Test
    void paperAidUnitsAndUnitsInTransitCirculateToo() {
        Map<LedgerAccountKind, Long> balances = memberConverted();
        balances.put(LedgerAccountKind.PARTICIPANT, 100_000L);
        balances.put(LedgerAccountKind.AID_PROGRAM, 5_000L);
        balances.put(LedgerAccountKind.PAPER_IN_CIRCULATION, 10_000L);
        balances.put(LedgerAccountKind.IN_TRANSIT, 5_000L);

        Coverage coverage = Coverage.of(balances, 20_000);

        assertThat(coverage.electronicMinor()).isEqualTo(105_000);
        assertThat(coverage.inCirculationMinor()).isEqualTo(120_000);
    }

    @Test
    void ratiosAreRoundedDownAndAbsentWhenNothingCirculates() {
        assertThat(Coverage.ratio(2, 3)).isEqualTo("0.6666");
        assertThat(Coverage.of(Map.of(), 0).coverageRatio()).isNull();
        assertThatThrownBy(() -> Coverage.of(Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
