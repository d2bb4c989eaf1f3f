package org.mlc.ledger.api.fund;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.reconversion.FundAccountDeclared;
import org.mlc.ledger.reconversion.FundInflowRecorded;
import org.mlc.ledger.reconversion.FundInflowReversed;
import org.mlc.ledger.reconversion.FundInflowsOpened;
import org.mlc.ledger.reconversion.FundMovementAttributed;
import org.mlc.ledger.reconversion.PayoutRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The guarantee fund's bank accounts and their balances (fund_account), from the fund's own
 * events as {@code GuaranteeFund} counts them: every movement on the first account unless a
 * {@link FundMovementAttributed} moves it to another. In the ledger group, with ledger_balance.
 */
@Component
@ProcessingGroup(Projections.LEDGER)
class FundAccountProjection {

    static final String FIRST = "1";

    private final JdbcTemplate jdbc;

    FundAccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FundAccountDeclared event) {
        jdbc.update("INSERT INTO fund_account (currency, account_id, bank, iban, declared_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (currency, account_id) DO UPDATE SET bank = EXCLUDED.bank, "
                        + "iban = EXCLUDED.iban, declared_at = EXCLUDED.declared_at", event.currency().value(), event.fundAccount(),
                event.bank(), event.iban(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(FundInflowRecorded event) {
        move(event.currency(), FIRST, event.eurosMinor());
    }

    @EventHandler
    void on(FundInflowsOpened event) {
        move(event.currency(), FIRST, event.inflowsMinor());
    }

    @EventHandler
    void on(FundInflowReversed event) {
        move(event.currency(), FIRST, -event.eurosMinor());
    }

    @EventHandler
    void on(PayoutRequested event) {
        move(event.currency(), FIRST, -event.eurosMinor());
    }

    @EventHandler
    void on(FundMovementAttributed event) {
        move(event.currency(), event.fundAccount(), event.eurosMinor());
        move(event.currency(), FIRST, -event.eurosMinor());
    }

    private void move(CurrencyCode currency, String account, long deltaMinor) {
        jdbc.update("INSERT INTO fund_account (currency, account_id, balance_minor) VALUES (?, ?, ?) "
                + "ON CONFLICT (currency, account_id) DO UPDATE SET balance_minor = fund_account.balance_minor + ?",
                currency.value(), account, deltaMinor, deltaMinor);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE fund_account");
    }
}
