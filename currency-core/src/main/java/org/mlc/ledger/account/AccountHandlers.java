package org.mlc.ledger.account;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.participant.Participant;

/** The account package's command handlers that load several aggregates, for the ledger's model. */
public final class AccountHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new PaymentHandler(r.of(Currency.class), r.of(Account.class), r.of(Participant.class)),
            r -> new ParticipantRegistration(r.of(Currency.class), r.of(Participant.class), r.of(Account.class),
                    r.of(MemberNumbers.class)));

    private AccountHandlers() {
    }
}
