package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.ParticipantId;

/**
 * A merchant publishes (or replaces) the fields it agrees to show the public: where it is and
 * what it offers. {@code latitude} and {@code longitude} are exact decimal degrees as written
 * ("43.2951", "-0.3708"), both or neither; {@code publishedBy} is the user who sent it.
 */
public record PublishMerchantProfile(
        @TargetAggregateIdentifier ParticipantId participantId,
        String address,
        String postcode,
        String commune,
        String latitude,
        String longitude,
        String description,
        String website,
        String openingHours,
        String publishedBy,
        Instant at) {
}
