package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/**
 * What entered the fund of {@code currency} before funds recorded their inflows (events up to
 * {@code upToGlobalIndex} in the store), recorded once. No postings: those events carry them.
 */
@Revision("1")
public record FundInflowsOpened(
        CurrencyCode currency,
        long inflowsMinor,
        long upToGlobalIndex,
        Instant at) {
}
