package org.mlc.ledger.application;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The association turns an application down, saying why (the applicant is told). */
public record RejectMerchantApplication(
        @TargetAggregateIdentifier String applicationId,
        String reason,
        String decidedBy,
        Instant at) {
}
