package org.mlc.ledger.bank;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/** The lines of a bank statement that matched a remittance or a sponsor payment, by fingerprint. */
@Revision("1")
public record BankStatementImported(
        CurrencyCode currency,
        String statementId,
        List<String> matchedFingerprints,
        Instant at) {
}
