package org.mlc.ledger.participant;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;

/** The participant package's command handlers that load several aggregates, for the ledger's model. */
public final class ParticipantHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new MemberNumbering(r.of(Currency.class), r.of(Participant.class), r.of(MemberNumbers.class)));

    private ParticipantHandlers() {
    }
}
