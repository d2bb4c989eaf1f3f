package org.mlc.ledger.api.participant;

import java.sql.Timestamp;
import java.time.Instant;
import org.mlc.ledger.participant.MemberNumberAssigned;
import org.mlc.ledger.participant.MerchantApprovalWithdrawn;
import org.mlc.ledger.participant.MerchantApproved;
import org.mlc.ledger.participant.MerchantStatus;
import org.mlc.ledger.participant.MerchantSuspended;
import org.mlc.ledger.participant.MembershipRenewed;
import org.mlc.ledger.participant.ParticipantKind;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.participant.ParticipantRegistered;
import org.mlc.ledger.participant.ParticipantTerritorySet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Participants and their accounts, for reading. */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class ParticipantProjection {

    private final JdbcTemplate jdbc;

    public ParticipantProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** With its number when that was seen first (a registration records the number before the participant). */
    @EventHandler
    void on(ParticipantRegistered event) {
        jdbc.update("INSERT INTO participant_view (participant_id, kind, name, currency, account_id, filiere, "
                        + "registered_at, merchant_status, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "(SELECT number FROM participant_number WHERE participant_id = ?)) "
                        + "ON CONFLICT (participant_id) DO NOTHING",
                event.participantId().value(), event.kind().name(), event.name(), event.currency().value(),
                event.accountId().value(), event.filiere(), Timestamp.from(event.registeredAt()),
                event.kind() == ParticipantKind.MERCHANT ? MerchantStatus.REGISTERED.name() : null,
                event.participantId().value());
    }

    @EventHandler
    void on(ParticipantTerritorySet event) {
        jdbc.update("UPDATE participant_view SET commune = ?, epci = ? WHERE participant_id = ?", event.commune(),
                event.epci(), event.participantId().value());
    }

    @EventHandler
    void on(MemberNumberAssigned event) {
        jdbc.update("INSERT INTO participant_number (participant_id, currency, number) VALUES (?, ?, ?) "
                + "ON CONFLICT (participant_id) DO NOTHING", event.participantId().value(), event.currency().value(),
                event.number());
        jdbc.update("UPDATE participant_view SET number = ? WHERE participant_id = ?", event.number(),
                event.participantId().value());
    }

    @EventHandler
    void on(MerchantApproved event) {
        jdbc.update("UPDATE participant_view SET filiere = ? WHERE participant_id = ?", event.filiere(),
                event.participantId().value());
        status(event.participantId().value(), MerchantStatus.APPROVED, event.decidedBy(), event.reason(), event.at());
    }

    @EventHandler
    void on(MerchantSuspended event) {
        status(event.participantId().value(), MerchantStatus.SUSPENDED, event.decidedBy(), event.reason(), event.at());
    }

    @EventHandler
    void on(MerchantApprovalWithdrawn event) {
        status(event.participantId().value(), MerchantStatus.WITHDRAWN, event.decidedBy(), event.reason(), event.at());
    }

    @EventHandler
    void on(MembershipRenewed event) {
        jdbc.update("UPDATE participant_view SET membership_valid_until = ? WHERE participant_id = ?",
                java.sql.Date.valueOf(event.validUntil()), event.participantId().value());
    }

    private void status(String participantId, MerchantStatus status, String decidedBy, String reason, Instant at) {
        jdbc.update("UPDATE participant_view SET merchant_status = ?, status_decided_by = ?, status_reason = ?, "
                + "status_changed_at = ? WHERE participant_id = ?", status.name(), decidedBy, reason,
                Timestamp.from(at), participantId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE participant_view");
        jdbc.update("TRUNCATE participant_number");
    }
}
