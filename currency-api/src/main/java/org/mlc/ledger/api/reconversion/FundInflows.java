package org.mlc.ledger.api.reconversion;

import org.mlc.ledger.ledger.LedgerAccountKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What entered the guarantee fund, as the ledger shows it: the fund's balance plus what it has
 * paid out, read in one statement from rows the same processor writes in one transaction. It can
 * only lag behind (inflows only grow), so the fund never pays more than it holds. For every payout
 * out of the fund (reconversions, closings of aid programmes).
 */
@Component
public class FundInflows {

    private final JdbcTemplate jdbc;

    public FundInflows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(String currency) {
        Long inflows = jdbc.queryForObject("SELECT COALESCE((SELECT SUM(balance_minor) FROM ledger_balance "
                + "WHERE currency = ? AND kind = ?), 0) + COALESCE((SELECT SUM(paid_out_minor) FROM reconversion_view "
                + "WHERE currency = ?), 0)", Long.class, currency, LedgerAccountKind.GUARANTEE_FUND.name(), currency);
        return inflows == null ? 0 : inflows;
    }
}
