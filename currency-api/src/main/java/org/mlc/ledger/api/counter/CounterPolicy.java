package org.mlc.ledger.api.counter;

import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;

/**
 * A counter agent works at one counter only. Counters are not personal data and their ids are
 * known to the agents, so another counter answers 403 (not 404).
 */
public final class CounterPolicy {

    private CounterPolicy() {
    }

    public static void checkWorksAt(String counterId) {
        Caller caller = Caller.current();
        if (caller.is(Role.COUNTER_AGENT) && !counterId.equals(caller.counterId())) {
            throw Caller.forbidden("web.other-counter", "this agent works at another counter");
        }
    }
}
