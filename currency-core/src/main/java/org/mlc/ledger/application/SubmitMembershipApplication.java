package org.mlc.ledger.application;

import java.time.Instant;
import org.mlc.ledger.common.CurrencyCode;

/** A person asks to join online; an agent completes it at the counter, or the administrator approves it. */
public record SubmitMembershipApplication(
        String applicationId,
        CurrencyCode currency,
        String name,
        String email,
        String commune,
        Instant at) {
}
