package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;

/** The bank transfer was ordered (the payout was on the list given to the bank). No postings. */
@Revision("1")
public record PayoutPaid(CurrencyCode currency, ReconversionId reconversionId, String bankOrder, Instant at) {
}
