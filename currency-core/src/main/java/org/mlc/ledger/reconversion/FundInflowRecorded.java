package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Euros entered the guarantee fund of {@code currency}: the fund counts them as what it may pay
 * out. No postings: the source event, recorded in the same unit of work, carries them.
 */
@Revision("1")
public record FundInflowRecorded(
        CurrencyCode currency,
        InflowSource source,
        String sourceId,
        long eurosMinor,
        Instant at) {
}
