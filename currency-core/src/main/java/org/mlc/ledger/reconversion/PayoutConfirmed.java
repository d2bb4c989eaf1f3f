package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.Postings;

/** The bank statement shows the transfer to the merchant (EUR: payouts due to the outside world). */
@Revision("1")
public record PayoutConfirmed(
        CurrencyCode currency,
        ReconversionId reconversionId,
        long eurosMinor,
        String bankReference,
        Postings postings,
        Instant at) {
}
