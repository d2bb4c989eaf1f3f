package org.mlc.ledger.api.currency;

import org.mlc.ledger.api.demurrage.DemurrageQueries;
import java.util.List;
import org.mlc.ledger.api.account.LedgerBalanceQueries;
import org.mlc.ledger.api.counter.BonusBudgetQueries;
import org.mlc.ledger.api.fund.FundAccountQueries;
import org.mlc.ledger.ledger.Coverage;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.money.Amounts;
import org.springframework.stereotype.Component;

/**
 * Units in circulation (electronic, paper, in transit) and what backs them, from the ledger
 * balances and the sponsors' receivable, as {@link Coverage} defines them (docs/ledger.md):
 * backing is the fund, the counters' cash and the bonus drawn the sponsors have not paid in yet,
 * less the membership fees paid in euros; the rest of the pledges and the drawer shortfalls are
 * shown, never backing.
 */
@Component
public class SupplyQuery {

    public static final int COVERAGE_DECIMALS = Coverage.RATIO_DECIMALS;

    private final LedgerBalanceQueries balances;
    private final BonusBudgetQueries budgets;
    private final FundAccountQueries fundAccounts;
    private final DemurrageQueries demurrage;

    public SupplyQuery(LedgerBalanceQueries balances, BonusBudgetQueries budgets, FundAccountQueries fundAccounts,
                       DemurrageQueries demurrage) {
        this.demurrage = demurrage;
        this.balances = balances;
        this.budgets = budgets;
        this.fundAccounts = fundAccounts;
    }

    /**
     * Amounts as decimal strings; {@code counterDiscrepancy} is the signed balance of the closings'
     * differences (a surplus negative), {@code counterShortfall} its part that is missing money.
     */
    public record Supply(String currency, String inCirculation, String electronic, String paper, String inTransit,
                         String guaranteeFund, String counterCash, String sponsorCommitted, String counterDiscrepancy,
                         String coverageRatio, String membershipFees, String sponsorReceivable,
                         String counterShortfall, String backing, String cashCoverageRatio, String underBackedBy,
                         List<String> underBackingCauses, List<FundByBank> fundByBank,
                         List<FonteCollected> fonteCollected) {

        public boolean underBacked() {
            return !underBackingCauses.isEmpty();
        }
    }

    /**
     * The guarantee fund's share held on one of its bank accounts (docs/counters.md); the shares add up
     * to {@code guaranteeFund}. The IBAN is left to the fund accounts' own endpoint, which masks it.
     */
    public record FundByBank(String account, String bank, String guaranteeFund) {
    }

    /**
     * The fonte of one period (docs/notes-and-fonte.md), latest first: moved from accounts to the
     * beneficiary association, so circulation is unchanged by it; {@code completed} false while a
     * run is under way or was interrupted.
     */
    public record FonteCollected(java.time.LocalDate periodFrom, java.time.LocalDate dueOn, int accounts,
                                 String collected, boolean completed) {
    }

    public Supply of(String currency) {
        var sums = balances.sumsByKind(currency);
        Coverage coverage = Coverage.of(sums, budgets.sponsorReceivableMinor(currency));
        return new Supply(currency, Amounts.format(coverage.inCirculationMinor()),
                Amounts.format(coverage.electronicMinor()), Amounts.format(coverage.paperMinor()),
                Amounts.format(coverage.inTransitMinor()), Amounts.format(coverage.guaranteeFundMinor()),
                Amounts.format(coverage.counterCashMinor()), Amounts.format(coverage.sponsorCommittedMinor()),
                Amounts.format(sums.getOrDefault(LedgerAccountKind.COUNTER_DISCREPANCY, 0L)),
                coverage.coverageRatio(), Amounts.format(coverage.membershipFeesMinor()),
                Amounts.format(coverage.sponsorReceivableMinor()), Amounts.format(coverage.counterShortfallMinor()),
                Amounts.format(coverage.backingMinor()), coverage.cashCoverageRatio(),
                Amounts.format(coverage.underBackedByMinor()), coverage.underBackingCauses(),
                fundAccounts.balances(currency).stream().map(account -> new FundByBank(account.id(), account.bank(),
                        Amounts.format(account.balanceMinor()))).toList(),
                demurrage.periods(currency).stream().map(period -> new FonteCollected(period.periodFrom(),
                        period.dueOn(), period.accounts(), Amounts.format(period.collectedMinor()),
                        period.completed())).toList());
    }
}
