package org.mlc.ledger.bank;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/**
 * A bank statement of the fund's bank account {@code fundAccount} ("1" or null: the currency's
 * first, or only, account) was imported: each line that matched and what it matched, so that a match can be undone
 * by its line. Recorded instead of {@link BankStatementImported} (which kept only the fingerprints)
 * since matches can be undone. No postings: the events of what matched carry them.
 */
@Revision("1")
public record BankStatementMatched(
        CurrencyCode currency,
        String fundAccount,
        String statementId,
        List<MatchedLine> matches,
        Instant at) {
}
