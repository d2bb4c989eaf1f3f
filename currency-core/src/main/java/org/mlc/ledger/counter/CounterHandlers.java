package org.mlc.ledger.counter;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;

/** The counter package's command handlers that load several aggregates, for the ledger's model. */
public final class CounterHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new ConversionHandler(r.of(Currency.class), r.of(ExchangeCounter.class), r.of(Account.class),
                    r.of(BonusBudget.class), r.of(Participant.class)),
            r -> new ConversionCancellationHandler(r.of(ExchangeCounter.class), r.of(Account.class),
                    r.of(BonusBudget.class)),
            r -> new MembershipHandler(r.of(ExchangeCounter.class), r.of(Account.class), r.of(Currency.class),
                    r.of(Participant.class)),
            r -> new NoteDepositHandler(r.of(ExchangeCounter.class), r.of(Account.class), r.of(Currency.class)));

    private CounterHandlers() {
    }
}
