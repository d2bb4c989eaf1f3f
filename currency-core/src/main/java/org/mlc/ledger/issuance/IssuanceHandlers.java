package org.mlc.ledger.issuance;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.reconversion.GuaranteeFund;

/** The issuance package's command handlers, for the ledger's model. */
public final class IssuanceHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new IssuanceHandler(r.of(Issuance.class), r.of(Account.class), r.of(GuaranteeFund.class)));

    private IssuanceHandlers() {
    }
}
