package org.mlc.ledger.application;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/** A person asked to join online. */
@Revision("1")
public record MembershipApplicationSubmitted(
        String applicationId,
        CurrencyCode currency,
        String name,
        String email,
        String commune,
        Instant at) {
}
