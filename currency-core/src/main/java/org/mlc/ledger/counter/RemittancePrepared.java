package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.RemittanceId;

/** Euros taken from the drawer to be paid into the fund's bank account (to remit); still counter cash until confirmed. */
@Revision("1")
public record RemittancePrepared(
        CounterId counterId,
        RemittanceId remittanceId,
        PaidBy means,
        long eurosMinor,
        Instant at) {
}
