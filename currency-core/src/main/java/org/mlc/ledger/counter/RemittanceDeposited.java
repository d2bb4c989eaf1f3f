package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.RemittanceId;

/** The remittance was handed to the bank (remitted). */
@Revision("1")
public record RemittanceDeposited(
        CounterId counterId,
        RemittanceId remittanceId,
        Instant at) {
}
