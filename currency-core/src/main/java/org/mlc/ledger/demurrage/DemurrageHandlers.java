package org.mlc.ledger.demurrage;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;

/** The demurrage package's command handlers that load several aggregates, for the ledger's model. */
public final class DemurrageHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new DemurragePolicyHandler(r.of(Account.class), r.of(Currency.class)),
            r -> new DemurrageRunHandler(r.of(DemurrageRun.class), r.of(Account.class), r.of(Currency.class)));

    private DemurrageHandlers() {
    }
}
