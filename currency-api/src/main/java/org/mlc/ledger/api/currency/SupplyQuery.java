package org.mlc.ledger.api.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.mlc.ledger.api.account.LedgerBalanceQueries;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.money.Amounts;
import org.springframework.stereotype.Component;

/**
 * Units in circulation (electronic, paper, in transit) and what backs them (guarantee fund,
 * counter cash not yet confirmed in the fund, sponsor money committed and not yet paid in, and
 * drawer shortfalls the issuer owes the fund), from the ledger balances. Coverage is backing over
 * circulation, rounded down to 4 decimals (never flattering).
 */
@Component
public class SupplyQuery {

    public static final int COVERAGE_DECIMALS = 4;

    private final LedgerBalanceQueries balances;

    public SupplyQuery(LedgerBalanceQueries balances) {
        this.balances = balances;
    }

    public record Supply(String currency, String inCirculation, String electronic, String paper, String inTransit,
                         String guaranteeFund, String counterCash, String sponsorCommitted, String counterDiscrepancy,
                         String coverageRatio, String membershipFees) {
    }

    public Supply of(String currency) {
        Map<LedgerAccountKind, Long> sums = balances.sumsByKind(currency);
        // aid programmes' units not yet granted are electronic units too, issued against the fund
        long electronic = sums.getOrDefault(LedgerAccountKind.PARTICIPANT, 0L)
                + sums.getOrDefault(LedgerAccountKind.AID_PROGRAM, 0L);
        long paper = sums.getOrDefault(LedgerAccountKind.PAPER_IN_CIRCULATION, 0L);
        long inTransit = sums.getOrDefault(LedgerAccountKind.IN_TRANSIT, 0L);
        long circulation = electronic + paper + inTransit;
        long fund = sums.getOrDefault(LedgerAccountKind.GUARANTEE_FUND, 0L);
        long counterCash = sums.getOrDefault(LedgerAccountKind.COUNTER_CASH, 0L);
        long sponsor = sums.getOrDefault(LedgerAccountKind.SPONSOR_COMMITTED, 0L);
        // a drawer shortfall is owed to the fund by the issuer, a surplus is not the public's money
        long discrepancy = sums.getOrDefault(LedgerAccountKind.COUNTER_DISCREPANCY, 0L);
        // fees paid in euros sit in the drawers or the fund but are the association's own money
        long membershipFees = -sums.getOrDefault(LedgerAccountKind.MEMBERSHIP_FEES, 0L);
        long backing = fund + counterCash + sponsor + discrepancy - membershipFees;
        String coverage = circulation == 0 ? null
                : BigDecimal.valueOf(backing).divide(BigDecimal.valueOf(circulation), COVERAGE_DECIMALS,
                RoundingMode.DOWN).toPlainString();
        return new Supply(currency, Amounts.format(circulation), Amounts.format(electronic), Amounts.format(paper),
                Amounts.format(inTransit), Amounts.format(fund), Amounts.format(counterCash), Amounts.format(sponsor),
                Amounts.format(discrepancy), coverage, Amounts.format(membershipFees));
    }
}
