package org.mlc.ledger.application;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/** A merchant applied for its agrément, having accepted the charter; nothing of it is public yet. */
@Revision("1")
public record MerchantApplicationSubmitted(
        String applicationId,
        CurrencyCode currency,
        String name,
        String siret,
        String address,
        String postcode,
        String commune,
        String lat,
        String lon,
        String filiere,
        String email,
        String phone,
        String description,
        String website,
        Instant at) {
}
