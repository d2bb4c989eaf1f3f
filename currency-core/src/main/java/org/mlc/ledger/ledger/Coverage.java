package org.mlc.ledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What backs a currency's units, from its ledger balances by kind and what its sponsors owe for
 * bonus already drawn: the one definition of the supply, the dashboard, the monthly indicators and
 * reconcile (docs/ledger.md, "Backing and coverage"). Amounts in minor units; ratios rounded down
 * to {@link #RATIO_DECIMALS} decimals, never flattering, null when nothing circulates.
 *
 * <p>Backing is money: euros held (the guarantee fund and the counters' cash, less the membership
 * fees paid in euros, which sit there but are the association's own) and the sponsors' receivable
 * (bonus units issued, whose euros the sponsor owes). The rest of a sponsor's pledge is a promise
 * for bonus not granted yet, and a drawer shortfall is a euro that is missing: both are shown,
 * neither backs anything.
 */
public record Coverage(
        long inCirculationMinor,
        long electronicMinor,
        long paperMinor,
        long inTransitMinor,
        long guaranteeFundMinor,
        long counterCashMinor,
        long membershipFeesMinor,
        long sponsorReceivableMinor,
        long sponsorCommittedMinor,
        long counterShortfallMinor,
        long cashBackingMinor,
        long backingMinor,
        long underBackedByMinor,
        String coverageRatio,
        String cashCoverageRatio,
        List<String> underBackingCauses) {

    /** Decimals of both ratios. */
    public static final int RATIO_DECIMALS = 4;

    /** Cause: recorded drawer shortfalls not yet covered by the association. */
    public static final String COUNTER_SHORTFALL = "counter-shortfall";
    /** Cause: what is held and receivable is below the units out, beyond any recorded shortfall. */
    public static final String FUND_BELOW_CIRCULATION = "fund-below-circulation";

    public Coverage {
        underBackingCauses = List.copyOf(underBackingCauses);
    }

    /**
     * The figures of one currency. {@code sponsorReceivableMinor} is, summed over its budgets,
     * max(0, bonus drawn − paid in); it is never counted beyond what the sponsors still owe (the
     * SPONSOR_COMMITTED balance), so a stale or wrong receivable cannot flatter the backing.
     */
    public static Coverage of(Map<LedgerAccountKind, Long> balances, long sponsorReceivableMinor) {
        if (sponsorReceivableMinor < 0) {
            throw new IllegalArgumentException("a sponsor receivable is never negative: " + sponsorReceivableMinor);
        }
        // aid programmes' units not yet granted are electronic units too, issued against the fund
        long electronic = Math.addExact(balance(balances, LedgerAccountKind.PARTICIPANT),
                balance(balances, LedgerAccountKind.AID_PROGRAM));
        long paper = balance(balances, LedgerAccountKind.PAPER_IN_CIRCULATION);
        long inTransit = balance(balances, LedgerAccountKind.IN_TRANSIT);
        long circulation = Math.addExact(Math.addExact(electronic, paper), inTransit);
        long fund = balance(balances, LedgerAccountKind.GUARANTEE_FUND);
        long counterCash = balance(balances, LedgerAccountKind.COUNTER_CASH);
        // the account is negative by what the association earned
        long membershipFees = Math.negateExact(balance(balances, LedgerAccountKind.MEMBERSHIP_FEES));
        long sponsorOwes = balance(balances, LedgerAccountKind.SPONSOR_COMMITTED);
        long receivable = Math.min(sponsorReceivableMinor, Math.max(0, sponsorOwes));
        long committed = Math.subtractExact(sponsorOwes, receivable);
        // a surplus (negative) is cash that stays in the drawer: counted there, as euros held
        long shortfall = Math.max(0, balance(balances, LedgerAccountKind.COUNTER_DISCREPANCY));
        long cashBacking = Math.subtractExact(Math.addExact(fund, counterCash), membershipFees);
        long backing = Math.addExact(cashBacking, receivable);
        long underBackedBy = Math.max(0, Math.subtractExact(circulation, backing));
        List<String> causes = new ArrayList<>();
        if (underBackedBy > 0) {
            if (shortfall > 0) {
                causes.add(COUNTER_SHORTFALL);
            }
            if (underBackedBy > shortfall) {
                causes.add(FUND_BELOW_CIRCULATION);
            }
        }
        return new Coverage(circulation, electronic, paper, inTransit, fund, counterCash, membershipFees, receivable,
                committed, shortfall, cashBacking, backing, underBackedBy, ratio(backing, circulation),
                ratio(cashBacking, circulation), causes);
    }

    public boolean underBacked() {
        return underBackedByMinor > 0;
    }

    /** numerator ÷ denominator, rounded down to {@link #RATIO_DECIMALS} decimals; null when dividing by zero. */
    public static String ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_DECIMALS,
                RoundingMode.DOWN).toPlainString();
    }

    private static long balance(Map<LedgerAccountKind, Long> balances, LedgerAccountKind kind) {
        return balances.getOrDefault(kind, 0L);
    }
}
