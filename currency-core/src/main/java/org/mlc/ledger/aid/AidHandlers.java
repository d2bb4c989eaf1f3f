package org.mlc.ledger.aid;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.reconversion.GuaranteeFund;

/** The aid package's command handlers that load several aggregates, for the ledger's model. */
public final class AidHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new AidProgramHandler(r.of(AidProgram.class), r.of(Account.class), r.of(Currency.class),
                    r.of(GuaranteeFund.class)),
            r -> new AidGrantHandler(r.of(AidProgram.class), r.of(Account.class)),
            r -> new AidExpiryHandler(r.of(AidProgram.class), r.of(Account.class)));

    private AidHandlers() {
    }
}
