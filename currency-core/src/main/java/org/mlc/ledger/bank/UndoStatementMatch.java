package org.mlc.ledger.bank;

import org.mlc.ledger.common.Reasons;
import java.time.Instant;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Undoes the match of line {@code lineNumber} of statement {@code statementId}: what the match
 * recorded is reversed by compensating events, with who ({@code by}) and why ({@code reason}).
 */
public record UndoStatementMatch(
        CurrencyCode currency,
        String statementId,
        int lineNumber,
        String reason,
        String by,
        Instant at) {

    /** A reason longer than this is not a reason but a document. */
    public static final int MAX_REASON_LENGTH = Reasons.MAX_LENGTH;
}
