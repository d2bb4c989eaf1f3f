package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;

/**
 * A merchant takes {@code unitsMinor} back to euros. {@code fundInflowsMinor} is what the caller
 * knows to have entered the guarantee fund so far (remittances and sponsor payments confirmed): a
 * lower bound, since inflows only grow; the fund itself counts what it has paid out.
 */
public record Reconvert(
        ReconversionId reconversionId,
        CurrencyCode currency,
        AccountId accountId,
        long unitsMinor,
        long fundInflowsMinor,
        Instant at) {
}
