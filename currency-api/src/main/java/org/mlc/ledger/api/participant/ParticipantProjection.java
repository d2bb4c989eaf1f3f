package org.mlc.ledger.api.participant;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.currency.CurrencyProjection;
import org.mlc.ledger.participant.ParticipantRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Participants and their accounts, for reading. */
@Component
@ProcessingGroup(CurrencyProjection.GROUP)
public class ParticipantProjection {

    private final JdbcTemplate jdbc;

    public ParticipantProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParticipantRegistered event) {
        jdbc.update("INSERT INTO participant_view (participant_id, kind, name, currency, account_id, filiere, "
                        + "registered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id) DO NOTHING",
                event.participantId().value(), event.kind().name(), event.name(), event.currency().value(),
                event.accountId().value(), event.filiere(), Timestamp.from(event.registeredAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM participant_view");
    }
}
