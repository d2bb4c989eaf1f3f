package org.mlc.ledger.application;

import java.time.Instant;
import org.mlc.ledger.common.CurrencyCode;

/**
 * A merchant asks for its agrément, without an account. {@code lat} and {@code lon} are decimal
 * text (degrees), never binary fractions; the optional fields are null when not given.
 */
public record SubmitMerchantApplication(
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
        boolean charterAccepted,
        Instant at) {
}
