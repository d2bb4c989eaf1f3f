package org.mlc.ledger.api.participant;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.participant.MerchantProfilePublished;
import org.mlc.ledger.participant.MerchantProfileWithdrawn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Merchants' public profiles, for the public directory (in the directory group, after the participants). */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class MerchantProfileProjection {

    private final JdbcTemplate jdbc;

    MerchantProfileProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MerchantProfilePublished event) {
        jdbc.update("INSERT INTO merchant_profile_view (participant_id, currency, address, postcode, commune, latitude, "
                        + "longitude, description, website, opening_hours, published_by, published_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id) DO UPDATE SET "
                        + "address = EXCLUDED.address, postcode = EXCLUDED.postcode, commune = EXCLUDED.commune, "
                        + "latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, "
                        + "description = EXCLUDED.description, website = EXCLUDED.website, "
                        + "opening_hours = EXCLUDED.opening_hours, published_by = EXCLUDED.published_by, "
                        + "published_at = EXCLUDED.published_at",
                event.participantId().value(), event.currency().value(), event.address(), event.postcode(),
                event.commune(), event.latitude(), event.longitude(), event.description(), event.website(),
                event.openingHours(), event.publishedBy(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(MerchantProfileWithdrawn event) {
        jdbc.update("DELETE FROM merchant_profile_view WHERE participant_id = ?", event.participantId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE merchant_profile_view");
    }
}
