package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Of the fund's movement recorded just before it in the same unit of work (an inflow, its
 * reversal, a payout: {@code source} and {@code sourceId}), {@code eurosMinor} (signed: in is
 * positive) is on bank account {@code fundAccount} instead of the first one, which every movement
 * is on unless this says otherwise (so the events of a fund with one account are unchanged). No
 * postings: the fund's ledger account is one; its split by bank is the fund's own.
 */
@Revision("1")
public record FundMovementAttributed(
        CurrencyCode currency,
        String fundAccount,
        String source,
        String sourceId,
        long eurosMinor,
        Instant at) {
}
