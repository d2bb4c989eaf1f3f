package org.mlc.ledger.api.application;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.api.ui.ShortReference;
import org.mlc.ledger.application.ApplicationStatus;
import org.mlc.ledger.application.MembershipApplicationAccepted;
import org.mlc.ledger.application.MembershipApplicationSubmitted;
import org.mlc.ledger.application.MerchantApplicationApproved;
import org.mlc.ledger.application.MerchantApplicationRejected;
import org.mlc.ledger.application.MerchantApplicationSubmitted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The applications and their decisions, for the association's review (never shown publicly). */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class ApplicationProjection {

    /** The letter of a membership application's short number (A-7K3QX9). */
    static final char NUMBER_KIND = 'A';

    private final JdbcTemplate jdbc;

    ApplicationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MerchantApplicationSubmitted e) {
        jdbc.update("INSERT INTO merchant_application_view (application_id, currency, status, name, siret, address, "
                        + "postcode, commune, lat, lon, filiere, email, phone, description, website, submitted_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.applicationId(), e.currency().value(), ApplicationStatus.PENDING.name(), e.name(), e.siret(),
                e.address(), e.postcode(), e.commune(), e.lat(), e.lon(), e.filiere(), e.email(), e.phone(),
                e.description(), e.website(), Timestamp.from(e.at()));
    }

    @EventHandler
    void on(MerchantApplicationApproved e) {
        jdbc.update("UPDATE merchant_application_view SET status = ?, decided_by = ?, decided_at = ?, "
                        + "participant_id = ?, filiere = ? WHERE application_id = ?", ApplicationStatus.APPROVED.name(),
                e.decidedBy(), Timestamp.from(e.at()), e.participantId().value(), e.filiere(), e.applicationId());
    }

    @EventHandler
    void on(MerchantApplicationRejected e) {
        jdbc.update("UPDATE merchant_application_view SET status = ?, decided_by = ?, decided_at = ?, reason = ? "
                        + "WHERE application_id = ?", ApplicationStatus.REJECTED.name(), e.decidedBy(),
                Timestamp.from(e.at()), e.reason(), e.applicationId());
    }

    @EventHandler
    void on(MembershipApplicationSubmitted e) {
        jdbc.update("INSERT INTO membership_application_view (application_id, number, currency, status, name, email, "
                        + "commune, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.applicationId(), ShortReference.of(NUMBER_KIND, e.applicationId()), e.currency().value(),
                ApplicationStatus.PENDING.name(), e.name(), e.email(), e.commune(), Timestamp.from(e.at()));
    }

    @EventHandler
    void on(MembershipApplicationAccepted e) {
        jdbc.update("UPDATE membership_application_view SET status = ?, decided_by = ?, decided_at = ?, "
                        + "participant_id = ? WHERE application_id = ?", ApplicationStatus.APPROVED.name(),
                e.decidedBy(), Timestamp.from(e.at()), e.participantId().value(), e.applicationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE merchant_application_view");
        jdbc.update("TRUNCATE membership_application_view");
    }
}
