package org.mlc.ledger.api.participant;

import java.util.List;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.participant.ParticipantKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An ADMIN registers anyone; a counter agent signs up members, in its counter's currency only.
 * A participant is seen by ADMIN, AUDITOR and the users bound to it; to anyone else it does not
 * exist (404), so participant ids cannot be probed.
 */
@Component
public class ParticipantPolicy {

    private final JdbcTemplate jdbc;

    public ParticipantPolicy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void checkMayRegister(ParticipantKind kind, String currency) {
        Caller caller = Caller.current();
        if (caller.is(Role.ADMIN)) {
            return;
        }
        if (kind != ParticipantKind.MEMBER) {
            throw Caller.forbidden("a counter agent registers members only");
        }
        List<String> counterCurrency = jdbc.queryForList("SELECT currency FROM counter_view WHERE counter_id = ?",
                String.class, caller.counterId());
        if (!counterCurrency.contains(currency)) {
            throw Caller.forbidden("a counter agent registers members in its counter's currency only");
        }
    }

    public boolean mayRead(String participantId) {
        Caller caller = Caller.current();
        return caller.seesEverything() || caller.owns(participantId);
    }
}
