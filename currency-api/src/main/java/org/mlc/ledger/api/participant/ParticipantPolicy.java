package org.mlc.ledger.api.participant;

import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.api.counter.CounterQueries;
import org.springframework.stereotype.Component;

/**
 * An ADMIN registers anyone; a counter agent signs up members, in its counter's currency only.
 * A participant is seen by ADMIN, AUDITOR and the users bound to it; to anyone else it does not
 * exist (404), so participant ids cannot be probed.
 */
@Component
public class ParticipantPolicy {

    private final CounterQueries counters;

    public ParticipantPolicy(CounterQueries counters) {
        this.counters = counters;
    }

    public void checkMayRegister(ParticipantKind kind, String currency) {
        Caller caller = Caller.current();
        if (caller.is(Role.ADMIN)) {
            return;
        }
        if (kind != ParticipantKind.MEMBER) {
            throw Caller.forbidden("a counter agent registers members only");
        }
        if (!counters.find(caller.counterId()).map(CounterQueries.Counter::currency).filter(currency::equals)
                .isPresent()) {
            throw Caller.forbidden("a counter agent registers members in its counter's currency only");
        }
    }

    public boolean mayRead(String participantId) {
        Caller caller = Caller.current();
        return caller.seesEverything() || caller.owns(participantId);
    }
}
