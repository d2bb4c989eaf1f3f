package org.mlc.ledger.api.account;

import java.util.EnumMap;
import java.util.Map;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The balances of the ledger accounts of both books as {@link LedgerProjection} books them in
 * {@code ledger_balance}: the one place that reads that table.
 */
@Component
public class LedgerBalanceQueries {

    private final JdbcTemplate jdbc;

    public LedgerBalanceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A currency's balances summed by kind of ledger account (absent: never posted to). */
    public Map<LedgerAccountKind, Long> sumsByKind(String currency) {
        Map<LedgerAccountKind, Long> sums = new EnumMap<>(LedgerAccountKind.class);
        jdbc.query("SELECT kind, SUM(balance_minor) AS total FROM ledger_balance WHERE currency = ? GROUP BY kind",
                rs -> {
                    sums.put(LedgerAccountKind.valueOf(rs.getString("kind")), rs.getLong("total"));
                }, currency);
        return sums;
    }
}
