package org.mlc.ledger.bank;

/**
 * A statement line as it was matched, kept so that the match can be undone: its {@code outcome}
 * (MATCHED_REMITTANCE, MATCHED_SPONSOR, MATCHED_AID_FUNDING, MATCHED_PAYOUT), the id of what it
 * matched ({@code sourceId}: remittance, budget, funding or reconversion) and the aggregate that
 * holds it ({@code holderId}: counter, budget, programme, or the currency's fund for a payout).
 */
public record MatchedLine(int lineNumber, String fingerprint, String outcome, String sourceId, String holderId,
                          long amountMinor) {
}
