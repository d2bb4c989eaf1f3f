package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Gives the fund of {@code currency} the inflows an older version stored without recording them
 * on the fund: {@code inflowsMinor}, the GUARANTEE_FUND postings of the events up to
 * {@code upToGlobalIndex} other than payouts. Once per currency, and only before any inflow is
 * recorded on the fund ({@code fund-inflows-already-opened}).
 */
public record OpenFundInflows(
        CurrencyCode currency,
        long inflowsMinor,
        long upToGlobalIndex,
        Instant at) {
}
