package org.mlc.ledger.bonus;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;

/** The bonus package's command handlers that load several aggregates, for the ledger's model. */
public final class BonusHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new BonusBudgetHandler(r.of(Currency.class), r.of(Participant.class), r.of(BonusBudget.class)),
            r -> new BonusEligibilityHandler(r.of(Currency.class)));

    private BonusHandlers() {
    }
}
