package org.mlc.ledger.reconversion;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;

/** The reconversion package's command handlers that load several aggregates, for the ledger's model. */
public final class ReconversionHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new ReconversionHandler(r.of(Currency.class), r.of(Account.class), r.of(Participant.class),
                    r.of(GuaranteeFund.class)),
            r -> new FundInflowHandler(r.of(ExchangeCounter.class), r.of(BonusBudget.class),
                    r.of(GuaranteeFund.class)),
            r -> new ShortfallCoveringHandler(r.of(ExchangeCounter.class), r.of(GuaranteeFund.class)));

    private ReconversionHandlers() {
    }
}
