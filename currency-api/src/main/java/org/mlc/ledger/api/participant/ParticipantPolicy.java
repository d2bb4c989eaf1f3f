package org.mlc.ledger.api.participant;

import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.FeePaidWith;
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
            throw Caller.forbidden("web.agent-registers-members", "a counter agent registers members only");
        }
        if (!counters.find(caller.counterId()).map(CounterQueries.Counter::currency).filter(currency::equals)
                .isPresent()) {
            throw Caller.forbidden("web.agent-registers-currency",
                    "a counter agent registers members in its counter's currency only");
        }
    }

    /** What a search may list: a currency (null: every one) and a kind (null: every kind). */
    public record ListScope(String currency, ParticipantKind kind) {
    }

    /**
     * ADMIN and AUDITOR list any participants; a counter agent the members of its counter's
     * currency only (the defaults for it), another currency or kind being a 403.
     */
    public ListScope checkMayList(String currency, ParticipantKind kind) {
        Caller caller = Caller.current();
        if (!caller.is(Role.COUNTER_AGENT)) {
            return new ListScope(currency, kind);
        }
        String own = counters.find(caller.counterId()).map(CounterQueries.Counter::currency)
                .orElseThrow(() -> Caller.forbidden("web.agent-counter-unknown", "this agent's counter is unknown"));
        if (currency != null && !currency.equals(own)) {
            throw Caller.forbidden("web.agent-lists-currency",
                    "a counter agent lists the participants of its counter's currency only");
        }
        if (kind != null && kind != ParticipantKind.MEMBER) {
            throw Caller.forbidden("web.agent-lists-members", "a counter agent lists members only");
        }
        return new ListScope(own, ParticipantKind.MEMBER);
    }

    /**
     * Who pays a membership: euros go into a counter's drawer (an ADMIN, or the counter's agent);
     * units are spent by their holder, the member itself, or by an ADMIN giving a reason, which is
     * recorded; an agent never takes units. Answers the reason to record (null: the holder pays).
     */
    public String checkMayPayMembership(String participantId, FeePaidWith paidWith, String reason) {
        Caller caller = Caller.current();
        if (caller.is(Role.MEMBER)) {
            if (!caller.owns(participantId)) {
                throw ApiException.notFound("web.unknown-participant", "unknown participant {0}",
                        new ParticipantId(participantId));
            }
            if (paidWith != FeePaidWith.UNITS) {
                throw Caller.forbidden("web.member-pays-units",
                        "a member pays its own membership in units; euros are paid at a counter");
            }
            return null;
        }
        if (paidWith != FeePaidWith.UNITS) {
            if (reason != null) {
                throw ApiException.invalid("reason", "web.reason-units-only",
                        "{0} is only for units taken on their holder's behalf");
            }
            return null;
        }
        if (!caller.is(Role.ADMIN)) {
            throw Caller.forbidden("web.units-by-holder", "units are spent by their holder: the member pays in units "
                    + "itself, or an administrator giving a reason");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", "web.reason-required-units",
                    "{0} is required when an administrator takes a member's units for it");
        }
        return reason;
    }

    public boolean mayRead(String participantId) {
        Caller caller = Caller.current();
        return caller.seesEverything() || caller.owns(participantId);
    }
}
