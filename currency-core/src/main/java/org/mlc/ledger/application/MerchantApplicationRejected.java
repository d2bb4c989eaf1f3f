package org.mlc.ledger.application;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The association turned the application down: who decided, and why. */
@Revision("1")
public record MerchantApplicationRejected(
        String applicationId,
        String decidedBy,
        String reason,
        Instant at) {
}
