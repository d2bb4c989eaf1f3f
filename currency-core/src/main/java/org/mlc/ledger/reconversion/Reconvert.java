package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;

/**
 * A merchant takes {@code unitsMinor} back to euros, as far as the guarantee fund holds them (the
 * fund counts what entered it and what it paid out), paid from the fund's bank account
 * {@code fundAccount} (null: the first).
 */
public record Reconvert(
        ReconversionId reconversionId,
        CurrencyCode currency,
        AccountId accountId,
        long unitsMinor,
        String fundAccount,
        Instant at) {

    /** Paid from the fund's first bank account. */
    public Reconvert(ReconversionId reconversionId, CurrencyCode currency, AccountId accountId, long unitsMinor,
                     Instant at) {
        this(reconversionId, currency, accountId, unitsMinor, null, at);
    }
}
