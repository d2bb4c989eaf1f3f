package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/**
 * The compensation of a {@link FundInflowRecorded}: euros the fund had counted did not enter it (a
 * wrong bank statement match undone by {@code reversedBy} for {@code reason}); the fund no longer
 * counts them as what it may pay out. No postings: the source's compensating event, recorded in
 * the same unit of work, carries them.
 */
@Revision("1")
public record FundInflowReversed(
        CurrencyCode currency,
        InflowSource source,
        String sourceId,
        long eurosMinor,
        String reason,
        String reversedBy,
        Instant at) {
}
