package org.mlc.ledger.api.fund;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The guarantee fund's bank accounts and their balances, as the ledger group writes them in fund_account. */
@Component
public class FundAccountQueries {

    /** A bank account of the fund; {@code bank} and {@code iban} are null for the implicit one. */
    public record FundAccountBalance(String id, String bank, String iban, long balanceMinor) {
    }

    private final JdbcTemplate jdbc;

    public FundAccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The fund's accounts of {@code currency} in the order declared, each with its balance; a
     * currency that declared none and recorded nothing on its fund has its implicit account at zero.
     * Together they are the fund's balance.
     */
    public List<FundAccountBalance> balances(String currency) {
        List<FundAccountBalance> accounts = jdbc.query("SELECT account_id, bank, iban, balance_minor FROM fund_account "
                        + "WHERE currency = ? ORDER BY length(account_id), account_id",
                (rs, n) -> new FundAccountBalance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                currency);
        return accounts.isEmpty() ? List.of(new FundAccountBalance(FundAccountProjection.FIRST, null, null, 0))
                : accounts;
    }
}
