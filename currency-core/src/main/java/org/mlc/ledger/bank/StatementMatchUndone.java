package org.mlc.ledger.bank;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/**
 * The match of {@code line} of statement {@code statementId} (of the fund's bank account
 * {@code fundAccount}, null: the first) was undone by {@code undoneBy} for
 * {@code reason}: the line is unmatched again and may be matched by a later import. No postings:
 * the compensating events of what it had matched carry them, in the same unit of work.
 */
@Revision("1")
public record StatementMatchUndone(
        CurrencyCode currency,
        String fundAccount,
        String statementId,
        MatchedLine line,
        String reason,
        String undoneBy,
        Instant at) {
}
