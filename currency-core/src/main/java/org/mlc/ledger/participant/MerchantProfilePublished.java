package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * What a merchant agreed to show the public, replacing what it published before. Coordinates are
 * exact decimal degrees as written, or null; the optional fields are null when not given.
 */
@Revision("1")
public record MerchantProfilePublished(
        ParticipantId participantId,
        CurrencyCode currency,
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
